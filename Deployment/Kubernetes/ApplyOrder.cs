namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>
/// The order deploy applies in, and destroy deletes in reverse: namespaces, credentials and configuration, the Kong
/// Operator chain (auth → control plane → extension → data plane → gateway entities), then workloads and what
/// points at them. Kinds not listed go between the Kong Operator resources and the workloads.
/// </summary>
public static class ApplyOrder
{
    private static readonly string[] Kinds =
    [
        "Namespace",
        "ResourceQuota",
        "LimitRange",
        "ServiceAccount",
        "Secret",
        "ConfigMap",
        "ClusterRole",
        "Role",
        "ClusterRoleBinding",
        "RoleBinding",
        "KonnectAPIAuthConfiguration",
        "KonnectGatewayControlPlane",
        "KonnectExtension",
        "KongDataPlaneClientCertificate",
        "DataPlane",
        "KongPlugin",
        "KongClusterPlugin",
        "KongUpstream",
        "KongService",
        "KongTarget",
        "KongRoute",
        "KongConsumer",
        "KongPluginBinding",
        "*",
        "Deployment",
        "StatefulSet",
        "DaemonSet",
        "Service",
        "HorizontalPodAutoscaler",
        "PodDisruptionBudget",
    ];

    private static readonly int UnknownRank = Array.IndexOf(Kinds, "*");

    public static int Rank(string kind)
    {
        var rank = Array.IndexOf(Kinds, kind);
        return rank < 0 ? UnknownRank : rank;
    }

    /// <summary>Apply order; stable, so documents of one kind keep the publisher's order.</summary>
    public static IReadOnlyList<ManifestDocument> Sort(IEnumerable<ManifestDocument> documents) =>
        documents.OrderBy(d => Rank(d.Kind)).ToList();

    /// <summary>Delete order: groups of one rank, last applied first.</summary>
    public static IReadOnlyList<IReadOnlyList<T>> ReverseGroups<T>(IEnumerable<T> items, Func<T, string> kind) =>
        items.GroupBy(i => Rank(kind(i))).OrderByDescending(g => g.Key).Select(g => (IReadOnlyList<T>)g.ToList()).ToList();
}
