using System.Text;
using k8s;
using k8s.Models;
using KonnectAspire.Konnect.Api;
using KonnectAspire.Konnect.Certificates;
using KonnectAspire.Konnect.Kubernetes;

namespace KonnectAspire.Deployment.Konnect;

/// <summary>
/// The Kubernetes objects the published data planes expect: the pinned certificate and key as a kubernetes.io/tls
/// Secret, and the Konnect endpoints as a ConfigMap for envFrom.
/// </summary>
public static class KonnectClusterManifest
{
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";

    public static V1Secret Secret(ClusterCertificate certificate, string? ns) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = Metadata(KonnectKubernetesNames.ClusterCertificateSecret, ns),
        Type = "kubernetes.io/tls",
        Data = new Dictionary<string, byte[]>
        {
            ["tls.crt"] = Encoding.UTF8.GetBytes(certificate.CertificatePem),
            ["tls.key"] = Encoding.UTF8.GetBytes(certificate.PrivateKeyPem),
        },
    };

    public static V1ConfigMap Endpoints(KonnectDataPlaneEndpoints endpoints, string? ns) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = Metadata(KonnectKubernetesNames.EndpointsConfigMap, ns),
        Data = endpoints.ToEnvironment().ToDictionary(),
    };

    public static string Yaml(ClusterCertificate certificate, KonnectDataPlaneEndpoints endpoints, string? ns)
        => KubernetesYaml.SerializeAll([Secret(certificate, ns), Endpoints(endpoints, ns)]);

    /// <summary>The metadata of every object the provisioner writes or creates: labelled as managed by it.</summary>
    public static V1ObjectMeta Metadata(string name, string? ns) => new()
    {
        Name = name,
        NamespaceProperty = ns,
        Labels = new Dictionary<string, string> { [ManagedByLabel] = KonnectKubernetesNames.FieldManager },
    };
}
