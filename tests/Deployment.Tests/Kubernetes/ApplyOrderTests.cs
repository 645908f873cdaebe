using KonnectAspire.Deployment.Kubernetes;

namespace KonnectAspire.Deployment.Tests.Kubernetes;

public sealed class ApplyOrderTests
{
    [Fact]
    public void Objects_are_applied_dependencies_first_and_unknown_kinds_before_the_workloads()
    {
        var shuffled = new[] { "PodDisruptionBudget", "HorizontalPodAutoscaler", "Service", "Deployment", "Widget", "KongRoute", "KongService", "DataPlane", "KonnectExtension", "KonnectGatewayControlPlane", "KonnectAPIAuthConfiguration", "ConfigMap", "Secret", "Namespace" };

        var sorted = ApplyOrder.Sort(shuffled.Select(Document)).Select(d => d.Kind);

        Assert.Equal(["Namespace", "Secret", "ConfigMap", "KonnectAPIAuthConfiguration", "KonnectGatewayControlPlane", "KonnectExtension", "DataPlane", "KongService", "KongRoute", "Widget", "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget"], sorted);
    }

    [Fact]
    public void Objects_of_one_kind_keep_the_publishers_order_and_are_deleted_together_last_applied_first()
    {
        var documents = new[] { Document("Service", "b"), Document("Namespace", "ns"), Document("Service", "a") };

        var groups = ApplyOrder.ReverseGroups(ApplyOrder.Sort(documents), d => d.Kind);

        Assert.Equal(["b", "a"], groups[0].Select(d => d.Name));
        Assert.Equal(["ns"], groups[1].Select(d => d.Name));
    }

    private static ManifestDocument Document(string kind) => Document(kind, kind.ToLowerInvariant());

    private static ManifestDocument Document(string kind, string name) => new("v1", kind, name, null, [], "test");
}
