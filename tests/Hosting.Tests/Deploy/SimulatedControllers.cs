using System.Text.Json.Nodes;
using KonnectAspire.TestSupport.Kubernetes;

namespace KonnectAspire.Hosting.Tests.Deploy;

/// <summary>
/// What a real cluster's controllers would do once deploy waits, on the fake API server: Deployments roll out, the
/// Kong Operator's resources turn Valid/Programmed/Ready, and every LoadBalancer Service (or the DataPlane's ingress
/// Service the operator creates) gets an address whose port is a loopback gateway's.
/// </summary>
internal static class SimulatedControllers
{
    public static void Start(FakeKubernetesApiServer server, int gatewayPort)
    {
        server.WhenWatched("deployments", () => ForEachApplied(server, "/deployments/", (path, item) =>
        {
            var replicas = item["spec"]?["replicas"]?.GetValue<int>() ?? 1;
            server.SetStatus(path, new JsonObject
            {
                ["observedGeneration"] = Generation(item),
                ["replicas"] = replicas,
                ["updatedReplicas"] = replicas,
                ["availableReplicas"] = replicas,
            });
        }));
        foreach (var (plural, condition) in new[] { ("konnectapiauthconfigurations", "Valid"), ("konnectgatewaycontrolplanes", "Programmed"), ("dataplanes", "Ready") })
        {
            server.WhenWatched(plural, () => ForEachApplied(server, $"/{plural}/", (path, item) => server.SetStatus(path, new JsonObject
            {
                ["conditions"] = new JsonArray(new JsonObject
                {
                    ["type"] = condition,
                    ["status"] = "True",
                    ["reason"] = condition,
                    ["observedGeneration"] = Generation(item),
                }),
            })));
        }

        server.WhenWatched("services", async () =>
        {
            await ForEachApplied(server, "/services/", (path, item) =>
            {
                if (item["spec"]?["type"]?.GetValue<string>() == "LoadBalancer")
                {
                    item["spec"]!["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = gatewayPort, ["targetPort"] = 8000 });
                    server.Seed(path, item);
                    server.SetStatus(path, Address());
                }
            });
            await ForEachApplied(server, "/dataplanes/", (path, item) =>
            {
                var ns = item["metadata"]!["namespace"]!.GetValue<string>();
                var name = item["spec"]?["network"]?["services"]?["ingress"]?["name"]?.GetValue<string>() ?? $"{item["metadata"]!["name"]}-ingress";
                var service = $"api/v1/namespaces/{ns}/services/{name}";
                server.Seed(service, new JsonObject
                {
                    ["apiVersion"] = "v1",
                    ["kind"] = "Service",
                    ["metadata"] = new JsonObject
                    {
                        ["name"] = name,
                        ["namespace"] = ns,
                        ["labels"] = new JsonObject { ["gateway-operator.konghq.com/dataplane-service-type"] = "ingress" },
                        ["ownerReferences"] = new JsonArray(new JsonObject { ["kind"] = "DataPlane", ["name"] = item["metadata"]!["name"]!.GetValue<string>() }),
                    },
                    ["spec"] = new JsonObject
                    {
                        ["type"] = "LoadBalancer",
                        ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = gatewayPort, ["targetPort"] = 8000 }),
                    },
                });
                server.SetStatus(service, Address());
            });
        });
    }

    /// <summary>
    /// The uid and generation of every object deploy applied, by path: what a rerun must leave as it is. A Service's
    /// uid only: the simulated load balancer above changed its port, which the rerun's apply puts back.
    /// </summary>
    public static Dictionary<string, string> Identities(FakeKubernetesApiServer server) =>
        AppliedPaths(server).ToDictionary(
            p => p,
            p => server.Get(p) is { } item ? $"{item["metadata"]!["uid"]}{(p.Contains("/services/", StringComparison.Ordinal) ? "" : $"@{Generation(item)}")}" : "missing",
            StringComparer.Ordinal);

    public static IReadOnlyList<string> AppliedPaths(FakeKubernetesApiServer server) =>
        [.. server.Requests.Where(r => r.IsApply && !r.IsDryRun).Select(r => r.Path).Distinct(StringComparer.Ordinal)];

    private static Task ForEachApplied(FakeKubernetesApiServer server, string segment, Action<string, JsonObject> change)
    {
        foreach (var path in AppliedPaths(server).Where(p => p.Contains(segment, StringComparison.Ordinal)))
        {
            if (server.Get(path) is { } item)
            {
                change(path, item);
            }
        }

        return Task.CompletedTask;
    }

    private static long Generation(JsonObject item) => item["metadata"]?["generation"]?.GetValue<long>() ?? 1;

    private static JsonObject Address() => new()
    {
        ["loadBalancer"] = new JsonObject { ["ingress"] = new JsonArray(new JsonObject { ["ip"] = "127.0.0.1" }) },
    };
}
