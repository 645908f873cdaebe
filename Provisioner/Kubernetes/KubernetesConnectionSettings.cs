namespace KonnectAspire.Provisioner.Kubernetes;

/// <summary>How to reach the cluster, as given on the command line (null: find it the way kubectl does).</summary>
internal sealed record KubernetesConnectionSettings(string? Kubeconfig, string? Context, string? Namespace, TimeSpan Timeout);
