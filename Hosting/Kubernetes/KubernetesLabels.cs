namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>The recommended app.kubernetes.io labels every published object carries.</summary>
internal static class KubernetesLabels
{
    public const string Name = "app.kubernetes.io/name";
    public const string Component = "app.kubernetes.io/component";
    public const string PartOf = "app.kubernetes.io/part-of";
    public const string ManagedBy = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "konnectaspire";

    public const string DataPlaneComponent = "data-plane";
    public const string GatewayComponent = "gateway-config";
    public const string ControlPlaneComponent = "control-plane";
    public const string WorkloadComponent = "workload";

    /// <summary>The labels of an object named <paramref name="name"/> in the environment <paramref name="environment"/>.</summary>
    public static IDictionary<string, string> For(string name, string component, string environment) => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [Name] = name,
        [Component] = component,
        [PartOf] = environment,
        [ManagedBy] = ManagedByValue,
    };

    /// <summary>The pod selector of a workload named <paramref name="name"/>: a subset of its pod labels.</summary>
    public static IDictionary<string, string> Selector(string name) => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [Name] = name,
    };
}
