using System.Text.Json.Nodes;
using KonnectAspire.Provisioner.Kubernetes;

namespace KonnectAspire.Provisioner.Tests.Kubernetes;

public sealed class DestroyCommandTests : IAsyncLifetime
{
    private readonly ProvisionerCli _cli = new();
    private FakeKubernetesApiServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeKubernetesApiServer.StartAsync();
        _cli.Environment["KUBECONFIG"] = _server.WriteKubeconfig(_cli.WorkDirectory, contextNamespace: "kong");
        _cli.Environment[KonnectSecretSources.TokenVariable] = DeployCommandTests.Token;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _cli.Dispose();
    }

    [Fact]
    public async Task Destroy_deletes_in_reverse_order_and_waits_until_the_load_balancer_service_is_gone()
    {
        var output = _cli.PublishOutput("plain");
        var certificates = ClusterCertificateFiles.Write(Path.Combine(_cli.WorkDirectory, "konnect"));
        Assert.Equal(KubernetesExitCodes.Success, await _cli.RunAsync("deploy", output, "--cluster-cert-dir", certificates.Directory, "--no-wait"));
        const string service = "api/v1/namespaces/kong/services/kong-proxy";
        _server.HoldDeletion(service);

        var destroy = _cli.RunAsync("destroy", output, "--timeout", "60s");
        await EventuallyAsync(() => _server.Requests.Any(r => r.Method == "DELETE" && r.Path == service));

        Assert.False(destroy.IsCompleted);
        Assert.NotNull(_server.Get(service)!["metadata"]!["deletionTimestamp"]);
        Assert.DoesNotContain(_server.Requests, r => r.Method == "DELETE" && r.Path.Contains("/deployments/", StringComparison.Ordinal));
        _server.Release(service);
        Assert.Equal(KubernetesExitCodes.Success, await destroy);

        Assert.Equal(
        [
            "apis/policy/v1/namespaces/kong/poddisruptionbudgets/kong-dp",
            "apis/autoscaling/v2/namespaces/kong/horizontalpodautoscalers/kong-dp",
            service,
            "apis/apps/v1/namespaces/kong/deployments/kong-dp",
            "api/v1/namespaces/kong/configmaps/konnect-endpoints",
            "api/v1/namespaces/kong/secrets/kong-cluster-cert",
        ], _server.Requests.Where(r => r.Method == "DELETE").Select(r => r.Path));
        Assert.Contains("Service kong/kong-proxy is gone (load balancer released)", _cli.Output, StringComparison.Ordinal);
        Assert.NotNull(_server.Get("api/v1/namespaces/kong"));
    }

    [Fact]
    public async Task Destroy_waits_for_the_ingress_service_the_kong_operator_made_for_a_dataplane()
    {
        var output = _cli.PublishOutput("operator");
        Assert.Equal(KubernetesExitCodes.Success, await _cli.RunAsync("deploy", output, "--no-wait"));
        const string ingress = "api/v1/namespaces/kong/services/proxy-gateway";
        _server.Seed(ingress, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Service",
            ["metadata"] = new JsonObject { ["name"] = "proxy-gateway", ["namespace"] = "kong" },
            ["spec"] = new JsonObject { ["type"] = "LoadBalancer" },
        });

        var destroy = _cli.RunAsync("destroy", output, "--timeout", "60s");
        await EventuallyAsync(() => _server.Requests.Any(r => r.Method == "DELETE" && r.Path.EndsWith("/dataplanes/gateway", StringComparison.Ordinal)));
        await EventuallyAsync(() => _server.Requests.Any(r => r.IsWatch && r.Query.GetValueOrDefault("fieldSelector") == "metadata.name=proxy-gateway"));

        Assert.False(destroy.IsCompleted);
        Assert.DoesNotContain(_server.Requests, r => r.Method == "DELETE" && r.Path.Contains("/konnectextensions/", StringComparison.Ordinal));
        _server.Release(ingress);
        Assert.Equal(KubernetesExitCodes.Success, await destroy);

        var deletions = _server.Requests.Where(r => r.Method == "DELETE").Select(r => r.Path.Split('/')[^2]).ToList();
        Assert.Equal(["kongpluginbindings", "kongroutes", "kongservices", "kongplugins", "dataplanes", "konnectextensions", "konnectgatewaycontrolplanes", "konnectapiauthconfigurations", "secrets", "namespaces"], deletions);
    }

    [Fact]
    public async Task Destroy_of_what_is_already_gone_succeeds()
    {
        var exit = await _cli.RunAsync("destroy", _cli.PublishOutput("operator"));

        Assert.Equal(KubernetesExitCodes.Success, exit);
        Assert.Contains("Namespace kong was already gone", _cli.Output, StringComparison.Ordinal);
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
