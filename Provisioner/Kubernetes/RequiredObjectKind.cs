namespace KonnectAspire.Provisioner.Kubernetes;

/// <summary>Which of the objects the provisioner creates from outside the publish output.</summary>
internal enum RequiredObjectKind
{
    KonnectToken,
    ClusterCertificate,
    Endpoints,
}
