using k8s;
using k8s.Models;

namespace Aspire.Hosting.Kong.Kubernetes.CustomResources;

/// <summary>configuration.konghq.com/v1alpha1 KongPluginBinding: applies a KongPlugin globally or to a service or route.</summary>
internal sealed class KongPluginBinding : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "configuration.konghq.com/v1alpha1";

    public string Kind { get; set; } = "KongPluginBinding";

    public V1ObjectMeta Metadata { get; set; } = new();

    public BindingSpec Spec { get; set; } = new();

    /// <summary>The spec.</summary>
    internal sealed class BindingSpec
    {
        public PluginReference PluginRef { get; set; } = new();

        /// <summary>OnlyTargets (with <see cref="Targets"/>) or GlobalInControlPlane.</summary>
        public string Scope { get; set; } = "OnlyTargets";

        public BindingTargets? Targets { get; set; }

        public ControlPlaneRef ControlPlaneRef { get; set; } = new();
    }

    /// <summary>spec.pluginRef.</summary>
    internal sealed class PluginReference
    {
        public string Kind { get; set; } = "KongPlugin";

        public string Name { get; set; } = "";
    }

    /// <summary>spec.targets.</summary>
    internal sealed class BindingTargets
    {
        public TargetReference? ServiceRef { get; set; }

        public TargetReference? RouteRef { get; set; }
    }

    /// <summary>spec.targets.serviceRef / routeRef.</summary>
    internal sealed class TargetReference
    {
        public string Group { get; set; } = "configuration.konghq.com";

        public string Kind { get; set; } = "";

        public string Name { get; set; } = "";
    }
}
