namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>kustomization.yaml: the list of files <c>kubectl apply -k</c> applies.</summary>
internal sealed class Kustomization
{
    public const string FileName = "kustomization.yaml";

    public string ApiVersion { get; set; } = "kustomize.config.k8s.io/v1beta1";

    public string Kind { get; set; } = "Kustomization";

    public IList<string> Resources { get; set; } = [];
}
