using System.Text.Json.Nodes;
using KonnectAspire.Provisioner.Cli;
using KonnectAspire.TestSupport;
using KonnectAspire.TestSupport.Kubernetes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KonnectAspire.Provisioner.Tests.Commands.LoadTest;

[Collection(LoadCollection.Name)]
public sealed class LoadTestCommandTests : IAsyncLifetime
{
    private readonly ProvisionerRun _cli = new();
    private LoopbackServer _gateway = null!;

    public async Task InitializeAsync() => _gateway = await LoopbackServer.StartAsync(app => app.Run(context => context.Response.WriteAsync("ok")));

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        _cli.Dispose();
    }

    [Theory]
    [InlineData("not-a-url", "is not an http:// or https:// URL")]
    [InlineData("http://127.0.0.1/ --rate 0", "--rate 0 is out of range")]
    [InlineData("http://127.0.0.1/ --concurrency 0", "--concurrency 0 is out of range")]
    [InlineData("http://127.0.0.1/ --rate 0.1 --duration 2s", "sends no request")]
    public async Task Bad_load_parameters_are_bad_input_naming_the_fix(string arguments, string message)
    {
        var exit = await _cli.InvokeAsync(["loadtest", .. arguments.Split(' ')]);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(message, _cli.Transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_without_a_cluster_reports_counts_and_percentiles()
    {
        var exit = await _cli.InvokeAsync("loadtest", _gateway.BaseAddress.ToString(), "--rate", "20", "--duration", "1s", "--no-cluster");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("20 sent of 20 planned, 0 dropped", _cli.Transcript, StringComparison.Ordinal);
        Assert.Contains("200: 20", _cli.Transcript, StringComparison.Ordinal);
        Assert.Matches(@"p50 [0-9.]+ms, p90 [0-9.]+ms, p99 [0-9.]+ms", _cli.Transcript);
        Assert.Equal(20, _gateway.Requests);
    }

    [Fact]
    public async Task With_a_reachable_cluster_the_autoscalers_replicas_are_sampled_during_the_run()
    {
        await using var cluster = await FakeKubernetesApiServer.StartAsync();
        _cli.WithEnvironment("KUBECONFIG", cluster.WriteKubeconfig(_cli.WorkingDirectory, contextNamespace: "kong"));
        cluster.Seed("apis/autoscaling/v2/namespaces/kong/horizontalpodautoscalers/kong-dp", new JsonObject
        {
            ["apiVersion"] = "autoscaling/v2",
            ["kind"] = "HorizontalPodAutoscaler",
            ["metadata"] = new JsonObject { ["name"] = "kong-dp", ["namespace"] = "kong" },
            ["spec"] = new JsonObject
            {
                ["scaleTargetRef"] = new JsonObject { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["name"] = "kong-dp" },
                ["maxReplicas"] = 10,
                ["metrics"] = new JsonArray(new JsonObject { ["type"] = "Resource", ["resource"] = new JsonObject { ["name"] = "cpu", ["target"] = new JsonObject { ["type"] = "Utilization", ["averageUtilization"] = 60 } } }),
            },
            ["status"] = new JsonObject
            {
                ["currentReplicas"] = 2,
                ["desiredReplicas"] = 5,
                ["currentMetrics"] = new JsonArray(new JsonObject { ["type"] = "Resource", ["resource"] = new JsonObject { ["name"] = "cpu", ["current"] = new JsonObject { ["averageUtilization"] = 150 } } }),
            },
        });

        var exit = await _cli.InvokeAsync("loadtest", _gateway.BaseAddress.ToString(), "--rate", "20", "--duration", "1s", "--sample-every", "250ms");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("Sampling kong-dp in kong every 250ms", _cli.Transcript, StringComparison.Ordinal);
        Assert.Matches(@"│ [0-9.]+m?s +│ kong-dp +│ 2 +│ 5 +│ 150% / 60% +│", _cli.Transcript);
        Assert.Contains(cluster.Requests, r => r.Path == "apis/autoscaling/v2/namespaces/kong/horizontalpodautoscalers");
    }

    [Fact]
    public async Task A_target_that_never_answers_is_a_failed_precondition()
    {
        var port = KongStandIn.UnusedPort();

        var exit = await _cli.InvokeAsync("loadtest", $"http://127.0.0.1:{port}/", "--rate", "5", "--duration", "1s", "--no-cluster");

        Assert.Equal(ExitCodes.PreconditionFailed, exit);
        Assert.Contains("No request to", _cli.Transcript, StringComparison.Ordinal);
        Assert.Contains("no answer: 5", _cli.Transcript, StringComparison.Ordinal);
    }
}
