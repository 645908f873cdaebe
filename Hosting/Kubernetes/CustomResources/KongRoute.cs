using k8s;
using k8s.Models;
using YamlDotNet.Serialization;

namespace Aspire.Hosting.Kong.Kubernetes.CustomResources;

/// <summary>configuration.konghq.com/v1alpha1 KongRoute: a Kong route bound to a KongService.</summary>
internal sealed class KongRoute : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "configuration.konghq.com/v1alpha1";

    public string Kind { get; set; } = "KongRoute";

    public V1ObjectMeta Metadata { get; set; } = new();

    public RouteSpec Spec { get; set; } = new();

    /// <summary>The spec, with Kong's own field names.</summary>
    internal sealed class RouteSpec
    {
        public string Name { get; set; } = "";

        public IList<string>? Paths { get; set; }

        public IList<string>? Methods { get; set; }

        public IList<string>? Hosts { get; set; }

        public IList<string>? Protocols { get; set; }

        [YamlMember(Alias = "strip_path", ApplyNamingConventions = false)]
        public bool StripPath { get; set; }

        [YamlMember(Alias = "preserve_host", ApplyNamingConventions = false)]
        public bool PreserveHost { get; set; }

        public IList<string>? Tags { get; set; }

        public ServiceReference ServiceRef { get; set; } = new();
    }

    /// <summary>spec.serviceRef.</summary>
    internal sealed class ServiceReference
    {
        public string Type { get; set; } = "namespacedRef";

        public KonnectNamespacedRef NamespacedRef { get; set; } = new();
    }
}
