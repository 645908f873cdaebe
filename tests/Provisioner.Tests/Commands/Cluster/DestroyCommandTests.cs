using System.Text.Json.Nodes;
using KonnectAspire.Provisioner.Cli;

namespace KonnectAspire.Provisioner.Tests.Commands.Cluster;

public sealed class DestroyCommandTests : FakeClusterTests
{
    protected override string ContextNamespace => "kong";

    [Fact]
    public async Task Destroy_deletes_in_reverse_order_and_waits_until_the_load_balancer_service_is_gone()
    {
        var output = Cli.PublishOutput("plain");
        var certificates = ClusterCertificateFiles.Write(Cli.KonnectRoot);
        Assert.Equal(ExitCodes.Success, await Cli.InvokeAsync("deploy", output, "--cluster-cert-dir", certificates.Directory, "--no-wait"));
        const string service = "api/v1/namespaces/kong/services/kong-proxy";
        Server.HoldDeletion(service);

        var destroy = Cli.InvokeAsync("destroy", output, "--timeout", "60s");
        await EventuallyAsync(() => Server.Requests.Any(r => r.Method == "DELETE" && r.Path == service));

        Assert.False(destroy.IsCompleted);
        Assert.NotNull(Server.Get(service)!["metadata"]!["deletionTimestamp"]);
        Assert.DoesNotContain(Server.Requests, r => r.Method == "DELETE" && r.Path.Contains("/deployments/", StringComparison.Ordinal));
        Server.Release(service);
        Assert.Equal(ExitCodes.Success, await destroy);

        Assert.Equal(
        [
            "apis/policy/v1/namespaces/kong/poddisruptionbudgets/kong-dp",
            "apis/autoscaling/v2/namespaces/kong/horizontalpodautoscalers/kong-dp",
            service,
            "apis/apps/v1/namespaces/kong/deployments/kong-dp",
            "api/v1/namespaces/kong/configmaps/konnect-endpoints",
            "api/v1/namespaces/kong/secrets/kong-cluster-cert",
        ], Server.Requests.Where(r => r.Method == "DELETE").Select(r => r.Path));
        Assert.Contains("Service kong/kong-proxy is gone (load balancer released)", Cli.Transcript, StringComparison.Ordinal);
        Assert.NotNull(Server.Get("api/v1/namespaces/kong"));
    }

    [Fact]
    public async Task Destroy_waits_for_the_ingress_service_the_kong_operator_made_for_a_dataplane()
    {
        var output = Cli.PublishOutput("operator");
        Assert.Equal(ExitCodes.Success, await Cli.InvokeAsync("deploy", output, "--no-wait"));
        const string ingress = "api/v1/namespaces/kong/services/proxy-gateway";
        Server.Seed(ingress, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Service",
            ["metadata"] = new JsonObject { ["name"] = "proxy-gateway", ["namespace"] = "kong" },
            ["spec"] = new JsonObject { ["type"] = "LoadBalancer" },
        });

        var destroy = Cli.InvokeAsync("destroy", output, "--timeout", "60s");
        await EventuallyAsync(() => Server.Requests.Any(r => r.Method == "DELETE" && r.Path.EndsWith("/dataplanes/gateway", StringComparison.Ordinal)));
        await EventuallyAsync(() => Server.Requests.Any(r => r.IsWatch && r.Query.GetValueOrDefault("fieldSelector") == "metadata.name=proxy-gateway"));

        Assert.False(destroy.IsCompleted);
        Assert.DoesNotContain(Server.Requests, r => r.Method == "DELETE" && r.Path.Contains("/konnectextensions/", StringComparison.Ordinal));
        Server.Release(ingress);
        Assert.Equal(ExitCodes.Success, await destroy);

        var deletions = Server.Requests.Where(r => r.Method == "DELETE").Select(r => r.Path.Split('/')[^2]).ToList();
        Assert.Equal(["kongpluginbindings", "kongroutes", "kongservices", "kongplugins", "dataplanes", "konnectextensions", "konnectgatewaycontrolplanes", "konnectapiauthconfigurations", "secrets", "namespaces"], deletions);
    }

    [Fact]
    public async Task Destroy_of_what_is_already_gone_succeeds()
    {
        var exit = await Cli.InvokeAsync("destroy", Cli.PublishOutput("operator"));

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("Namespace kong was already gone", Cli.Transcript, StringComparison.Ordinal);
    }

    // Waits for the fake server to have seen a request; a generous bound only turns a hang into a failure.
    private static async Task EventuallyAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, limit.Token);
        }
    }
}
