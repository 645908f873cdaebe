namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>How to reach the cluster, as given on the command line (null: find it the way kubectl does).</summary>
public sealed record KubernetesConnectionSettings(string? Kubeconfig, string? Context, string? Namespace, TimeSpan Timeout);
