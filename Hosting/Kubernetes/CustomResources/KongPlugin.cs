using k8s;
using k8s.Models;

namespace Aspire.Hosting.Kong.Kubernetes.CustomResources;

/// <summary>configuration.konghq.com/v1 KongPlugin: a plugin and its config (top-level fields, no spec).</summary>
internal sealed class KongPlugin : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "configuration.konghq.com/v1";

    public string Kind { get; set; } = "KongPlugin";

    public V1ObjectMeta Metadata { get; set; } = new();

    public string Plugin { get; set; } = "";

    public bool? Disabled { get; set; }

    /// <summary>The plugin config as plain dictionaries, lists and scalars so that it serializes like any other value.</summary>
    public IDictionary<string, object?> Config { get; set; } = new Dictionary<string, object?>();
}
