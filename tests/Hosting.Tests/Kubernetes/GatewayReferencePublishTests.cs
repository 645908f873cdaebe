using System.Text.Json.Nodes;

namespace KonnectAspire.Hosting.Tests.Kubernetes;

public sealed class GatewayReferencePublishTests
{
    [Theory]
    [InlineData("reference-kong-operator")]
    [InlineData("reference-plain")]
    public async Task The_published_sample_service_asks_the_llm_route_through_the_in_cluster_proxy_service(string output)
    {
        var documents = await PublishOutputs.DocumentsAsync(output);

        var environment = EnvironmentOf(documents, "sample-service");
        Assert.Equal("http://kong-dp-proxy.konnect-aspire.svc.cluster.local:80/llm", environment["LlmGateway__Endpoint"]);
        Assert.Equal("gpt-4o-mini", environment["LlmGateway__Model"]);
        Assert.Contains(documents, document => document.Kind is "Service" or "DataPlane" && IsProxyServiceOf(document, "kong-dp-proxy"));
    }

    private static Dictionary<string, string?> EnvironmentOf(IReadOnlyList<PublishedDocument> documents, string workload)
    {
        var template = PublishedDocument.PodTemplates(documents).Single(pair => pair.Owner.Kind == "Deployment" && pair.Owner.Name == workload).Template;
        return template["spec"]!["containers"]![0]!["env"]!.AsArray()
            .Select(variable => variable!.AsObject())
            .ToDictionary(variable => variable["name"]!.GetValue<string>(), variable => (string?)variable["value"]);
    }

    // The plain flavour names the Service itself; the Kong Operator flavour names it on the DataPlane's ingress.
    private static bool IsProxyServiceOf(PublishedDocument document, string name) => document.Kind == "Service"
        ? document.Name == name
        : document.Node["spec"]?["network"]?["services"]?["ingress"]?["name"] is JsonValue ingress && ingress.GetValue<string>() == name;
}
