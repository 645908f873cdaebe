using k8s;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>The client configuration found, where it came from (for messages), and the namespace for objects that name none.</summary>
public sealed record ResolvedCluster(KubernetesClientConfiguration Configuration, string Source, string DefaultNamespace);
