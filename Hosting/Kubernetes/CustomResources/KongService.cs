using k8s;
using k8s.Models;

namespace Aspire.Hosting.Kong.Kubernetes.CustomResources;

/// <summary>configuration.konghq.com/v1alpha1 KongService: a Kong service in a Konnect control plane.</summary>
internal sealed class KongService : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "configuration.konghq.com/v1alpha1";

    public string Kind { get; set; } = "KongService";

    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>
    /// The spec: the service's fields as Kong names them (<c>KongEntityJson.ToDeclared</c>, the same JSON a decK file
    /// holds), then <c>controlPlaneRef</c>.
    /// </summary>
    public IDictionary<string, object?> Spec { get; set; } = new Dictionary<string, object?>();
}
