using k8s;
using k8s.Models;

namespace Aspire.Hosting.Kong.Kubernetes.CustomResources;

/// <summary>configuration.konghq.com/v1alpha1 KongService: a Kong service in a Konnect control plane.</summary>
internal sealed class KongService : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "configuration.konghq.com/v1alpha1";

    public string Kind { get; set; } = "KongService";

    public V1ObjectMeta Metadata { get; set; } = new();

    public ServiceSpec Spec { get; set; } = new();

    /// <summary>The spec, with Kong's own field names.</summary>
    internal sealed class ServiceSpec
    {
        public string Name { get; set; } = "";

        public string Protocol { get; set; } = "http";

        public string Host { get; set; } = "";

        public long Port { get; set; }

        public string? Path { get; set; }

        public IList<string>? Tags { get; set; }

        public ControlPlaneRef ControlPlaneRef { get; set; } = new();
    }
}
