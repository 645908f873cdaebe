using System.Text.Json.Nodes;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>One Kubernetes object to apply, as JSON (valid apply-patch YAML), with where it came from.</summary>
public sealed record ManifestDocument(string ApiVersion, string Kind, string Name, string? Namespace, JsonObject Body, string Source)
{
    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : "";

    public string Display => Namespace is null ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}";

    /// <summary>True for objects the Provisioner made itself (token and certificate Secrets, endpoints ConfigMap).</summary>
    public bool Generated { get; init; }

    public string Key => $"{Group}/{Kind}/{Namespace}/{Name}";

    public ManifestDocument InNamespace(string @namespace)
    {
        var body = (JsonObject)Body.DeepClone();
        var metadata = body["metadata"] as JsonObject ?? [];
        metadata["namespace"] = @namespace;
        body["metadata"] = metadata;
        return this with { Namespace = @namespace, Body = body };
    }
}
