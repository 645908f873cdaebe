using System.Text.Json.Nodes;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>
/// A LoadBalancer Service of a plan: one the manifests define, or the ingress Service the Kong Operator creates for
/// a DataPlane (under the name the DataPlane gives, or a generated name it labels and owns).
/// </summary>
public sealed record LoadBalancerService(string Title, string? Namespace, ObjectSelector Selector, Func<JsonObject, bool> Matches)
{
    private const string DataPlaneServiceTypeLabel = "gateway-operator.konghq.com/dataplane-service-type";

    /// <summary>Whether a Service (as published or as the cluster has it) asks for a load balancer.</summary>
    public static bool IsLoadBalancer(JsonObject service) => JsonText.Of(service["spec"]?["type"]) == "LoadBalancer";

    /// <summary>The cluster's v1 Service resource, which every wait for a load balancer watches.</summary>
    public static async Task<ApiResource> ResourceAsync(KubernetesApi api, CancellationToken cancellationToken)
        => await api.FindResourceAsync("v1", "Service", cancellationToken).ConfigureAwait(false)
            ?? throw DeploymentException.Precondition("The cluster does not serve v1 Service.");

    public static IEnumerable<LoadBalancerService> In(IEnumerable<ManifestDocument> documents)
    {
        foreach (var item in documents)
        {
            if (item.Kind == "Service" && IsLoadBalancer(item.Body))
            {
                yield return new LoadBalancerService(item.Display, item.Namespace, ObjectSelector.Named(item.Name), _ => true);
            }
            else if (item.Kind == "DataPlane" && ClusterPreflight.NeedsLoadBalancer([item]))
            {
                var name = item.Body["spec"]?["network"]?["services"]?["ingress"]?["name"]?.GetValue<string>();
                yield return name is not null
                    ? new LoadBalancerService($"{item.Display} ingress Service {name}", item.Namespace, ObjectSelector.Named(name), _ => true)
                    : new LoadBalancerService($"{item.Display} ingress Service", item.Namespace, ObjectSelector.Labelled($"{DataPlaneServiceTypeLabel}=ingress"), service => OwnedBy(service, item.Name));
            }
        }
    }

    private static bool OwnedBy(JsonObject service, string dataPlane) =>
        (service["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>()
            .Any(o => o["kind"]?.GetValue<string>() == "DataPlane" && o["name"]?.GetValue<string>() == dataPlane) == true;
}
