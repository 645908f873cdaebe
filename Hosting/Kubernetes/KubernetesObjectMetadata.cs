using k8s.Models;

namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>The metadata every published object carries: its name, the environment's namespace and the recommended labels.</summary>
internal static class KubernetesObjectMetadata
{
    /// <summary>The metadata of an object named <paramref name="name"/>, labelled as <paramref name="component"/> of the environment.</summary>
    public static V1ObjectMeta For(EksPublishModel model, string name, string component) => new()
    {
        Name = name,
        NamespaceProperty = model.Options.Namespace,
        Labels = KubernetesLabels.For(name, component, model.EnvironmentName),
    };
}
