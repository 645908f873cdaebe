namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>How to reach the cluster, as given on the command line or in configuration (null: find it the way kubectl does).</summary>
public sealed record KubernetesConnectionSettings(string? Kubeconfig, string? Context, string? Namespace, TimeSpan Timeout)
{
    /// <summary>What messages call <see cref="Kubeconfig"/>: the Provisioner's option, or the caller's configuration key.</summary>
    public string KubeconfigOption { get; init; } = "--kubeconfig";

    /// <summary>What messages call <see cref="Context"/>.</summary>
    public string ContextOption { get; init; } = "--context";
}
