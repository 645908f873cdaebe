using k8s;
using k8s.Models;
using YamlDotNet.Serialization;

namespace Aspire.Hosting.Kong.Kubernetes.CustomResources;

/// <summary>konnect.konghq.com/v1alpha2 KonnectGatewayControlPlane: a Konnect control plane, created (Origin) or mirrored.</summary>
internal sealed class KonnectGatewayControlPlane : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "konnect.konghq.com/v1alpha2";

    public string Kind { get; set; } = "KonnectGatewayControlPlane";

    public V1ObjectMeta Metadata { get; set; } = new();

    public ControlPlaneSpec Spec { get; set; } = new();

    /// <summary>The spec.</summary>
    internal sealed class ControlPlaneSpec
    {
        /// <summary>Origin (create it) or Mirror (attach to an existing one by id).</summary>
        public string? Source { get; set; }

        public CreateRequest? CreateControlPlaneRequest { get; set; }

        public MirrorSpec? Mirror { get; set; }

        public KonnectOptions Konnect { get; set; } = new();
    }

    /// <summary>spec.createControlPlaneRequest, named as in the Konnect API.</summary>
    internal sealed class CreateRequest
    {
        public string Name { get; set; } = "";

        public string? Description { get; set; }

        [YamlMember(Alias = "cluster_type", ApplyNamingConventions = false)]
        public string? ClusterType { get; set; }
    }

    /// <summary>spec.mirror.</summary>
    internal sealed class MirrorSpec
    {
        public MirrorKonnect Konnect { get; set; } = new();
    }

    /// <summary>spec.mirror.konnect.</summary>
    internal sealed class MirrorKonnect
    {
        public string Id { get; set; } = "";
    }

    /// <summary>spec.konnect.</summary>
    internal sealed class KonnectOptions
    {
        public KonnectNamespacedRef AuthRef { get; set; } = new();
    }
}
