using KonnectAspire.Konnect.Kubernetes;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>A Secret or ConfigMap the manifests refer to that the provisioner creates, and the namespace it goes in.</summary>
public sealed record RequiredObject(RequiredObjectKind Kind, string Namespace)
{
    public string ObjectKind => Kind == RequiredObjectKind.Endpoints ? "ConfigMap" : "Secret";

    public string Name => Kind switch
    {
        RequiredObjectKind.KonnectToken => KonnectKubernetesNames.TokenSecret,
        RequiredObjectKind.ClusterCertificate => KonnectKubernetesNames.ClusterCertificateSecret,
        _ => KonnectKubernetesNames.EndpointsConfigMap,
    };
}
