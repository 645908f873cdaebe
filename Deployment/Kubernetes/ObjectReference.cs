namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>
/// One Secret or ConfigMap a manifest reads: its kind, namespace and name, the key it reads (null when it reads the
/// whole object, as envFrom does), and the object that reads it.
/// </summary>
public sealed record ObjectReference(string Kind, string Namespace, string Name, string? Key, string Referrer);
