namespace KonnectAspire.TestSupport.Kubernetes;

/// <summary>A request the fake API server received: method, path (no leading slash), query, content type and body.</summary>
public sealed record KubernetesApiRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, string? ContentType, string Body)
{
    public bool IsWatch => Query.GetValueOrDefault("watch") == "true";

    public bool IsApply => Method == "PATCH";

    public bool IsDryRun => Query.GetValueOrDefault("dryRun") == "All";
}
