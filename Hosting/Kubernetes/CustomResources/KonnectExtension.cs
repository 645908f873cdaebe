using k8s;
using k8s.Models;

namespace Aspire.Hosting.Kong.Kubernetes.CustomResources;

/// <summary>konnect.konghq.com/v1alpha2 KonnectExtension: attaches DataPlanes to a Konnect control plane with client certificates.</summary>
internal sealed class KonnectExtension : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "konnect.konghq.com/v1alpha2";

    public string Kind { get; set; } = "KonnectExtension";

    public V1ObjectMeta Metadata { get; set; } = new();

    public ExtensionSpec Spec { get; set; } = new();

    /// <summary>The spec.</summary>
    internal sealed class ExtensionSpec
    {
        public ClientAuthSpec ClientAuth { get; set; } = new();

        public KonnectSpec Konnect { get; set; } = new();
    }

    /// <summary>spec.clientAuth: Automatic lets the operator issue and pin the data-plane certificate.</summary>
    internal sealed class ClientAuthSpec
    {
        public CertificateSecretSpec CertificateSecret { get; set; } = new();
    }

    /// <summary>spec.clientAuth.certificateSecret.</summary>
    internal sealed class CertificateSecretSpec
    {
        public string Provisioning { get; set; } = "Automatic";
    }

    /// <summary>spec.konnect.</summary>
    internal sealed class KonnectSpec
    {
        public ControlPlaneSpec ControlPlane { get; set; } = new();
    }

    /// <summary>spec.konnect.controlPlane.</summary>
    internal sealed class ControlPlaneSpec
    {
        public ControlPlaneRef Ref { get; set; } = new();
    }
}
