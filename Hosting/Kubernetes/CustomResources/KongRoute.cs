using k8s;
using k8s.Models;

namespace Aspire.Hosting.Kong.Kubernetes.CustomResources;

/// <summary>configuration.konghq.com/v1alpha1 KongRoute: a Kong route bound to a KongService.</summary>
internal sealed class KongRoute : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "configuration.konghq.com/v1alpha1";

    public string Kind { get; set; } = "KongRoute";

    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>
    /// The spec: the route's fields as Kong names them (<c>KongEntityJson.ToDeclared</c> without its service), then
    /// <c>serviceRef</c>.
    /// </summary>
    public IDictionary<string, object?> Spec { get; set; } = new Dictionary<string, object?>();

    /// <summary>spec.serviceRef.</summary>
    internal sealed class ServiceReference
    {
        public string Type { get; set; } = "namespacedRef";

        public KonnectNamespacedRef NamespacedRef { get; set; } = new();
    }
}
