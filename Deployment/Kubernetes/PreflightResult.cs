using k8s.Models;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>What the preflight found: the server version, every manifest kind resolved through discovery, and warnings.</summary>
public sealed record PreflightResult(VersionInfo Version, IReadOnlyDictionary<string, ApiResource> Resources, IReadOnlyList<string> Warnings)
{
    public static string Key(string apiVersion, string kind) => $"{apiVersion}/{kind}";

    public ApiResource? Find(ManifestDocument document) => Resources.GetValueOrDefault(Key(document.ApiVersion, document.Kind));
}
