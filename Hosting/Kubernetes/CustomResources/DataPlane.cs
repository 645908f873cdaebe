using k8s;
using k8s.Models;

namespace Aspire.Hosting.Kong.Kubernetes.CustomResources;

/// <summary>
/// gateway-operator.konghq.com/v1beta1 DataPlane: the Kong Operator runs it as a Deployment (plus HPA, PDB and a proxy
/// Service). Built-in parts of the spec reuse the KubernetesClient models so they serialize exactly like the built-in kinds.
/// </summary>
internal sealed class DataPlane : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "gateway-operator.konghq.com/v1beta1";

    public string Kind { get; set; } = "DataPlane";

    public V1ObjectMeta Metadata { get; set; } = new();

    public DataPlaneSpec Spec { get; set; } = new();

    /// <summary>The spec.</summary>
    internal sealed class DataPlaneSpec
    {
        public IList<ExtensionRef> Extensions { get; set; } = [];

        public DeploymentOptions Deployment { get; set; } = new();

        public NetworkOptions Network { get; set; } = new();

        public ResourcesOptions? Resources { get; set; }
    }

    /// <summary>spec.extensions[]: the KonnectExtension to apply.</summary>
    internal sealed class ExtensionRef
    {
        public string Group { get; set; } = "konnect.konghq.com";

        public string Kind { get; set; } = "KonnectExtension";

        public string Name { get; set; } = "";
    }

    /// <summary>spec.deployment: the pod template is strategic-merge-patched onto the operator's own.</summary>
    internal sealed class DeploymentOptions
    {
        public V1PodTemplateSpec PodTemplateSpec { get; set; } = new();

        public ScalingOptions? Scaling { get; set; }
    }

    /// <summary>spec.deployment.scaling.</summary>
    internal sealed class ScalingOptions
    {
        public HorizontalScaling Horizontal { get; set; } = new();
    }

    /// <summary>spec.deployment.scaling.horizontal: copied by the operator into an autoscaling/v2 HPA.</summary>
    internal sealed class HorizontalScaling
    {
        public int? MinReplicas { get; set; }

        public int MaxReplicas { get; set; }

        public IList<V2MetricSpec> Metrics { get; set; } = [];

        public V2HorizontalPodAutoscalerBehavior? Behavior { get; set; }
    }

    /// <summary>spec.network.</summary>
    internal sealed class NetworkOptions
    {
        public ServicesOptions Services { get; set; } = new();
    }

    /// <summary>spec.network.services.</summary>
    internal sealed class ServicesOptions
    {
        public IngressService Ingress { get; set; } = new();
    }

    /// <summary>spec.network.services.ingress: the proxy Service the operator creates.</summary>
    internal sealed class IngressService
    {
        public string? Name { get; set; }

        public string Type { get; set; } = "LoadBalancer";

        public IDictionary<string, string> Annotations { get; set; } = new Dictionary<string, string>();

        public IList<IngressPort> Ports { get; set; } = [];
    }

    /// <summary>spec.network.services.ingress.ports[].</summary>
    internal sealed class IngressPort
    {
        public string Name { get; set; } = "";

        public int Port { get; set; }

        public IntOrString? TargetPort { get; set; }
    }

    /// <summary>spec.resources.</summary>
    internal sealed class ResourcesOptions
    {
        public PodDisruptionBudgetOptions PodDisruptionBudget { get; set; } = new();
    }

    /// <summary>spec.resources.podDisruptionBudget.</summary>
    internal sealed class PodDisruptionBudgetOptions
    {
        public V1PodDisruptionBudgetSpec Spec { get; set; } = new();
    }
}
