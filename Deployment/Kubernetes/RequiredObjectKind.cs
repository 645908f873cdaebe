namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>Which of the objects the provisioner creates from outside the publish output.</summary>
public enum RequiredObjectKind
{
    KonnectToken,
    ClusterCertificate,
    Endpoints,
}
