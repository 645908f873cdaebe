using System.Text.Json.Nodes;
using KonnectAspire.Provisioner.Kubernetes;

namespace KonnectAspire.Provisioner.Tests.Kubernetes;

public sealed class StatusCommandTests : IAsyncLifetime
{
    private readonly ProvisionerCli _cli = new();
    private FakeKubernetesApiServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeKubernetesApiServer.StartAsync();
        _cli.Environment["KUBECONFIG"] = _server.WriteKubeconfig(_cli.WorkDirectory);
        _cli.Environment[KonnectSecretSources.TokenVariable] = DeployCommandTests.Token;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _cli.Dispose();
    }

    [Fact]
    public async Task Status_shows_each_gateway_object_with_its_condition_and_flags_what_is_missing()
    {
        var output = _cli.PublishOutput("operator");
        Assert.Equal(KubernetesExitCodes.Success, await _cli.RunAsync("deploy", output, "--no-wait"));
        _server.SetStatus(
            "apis/konnect.konghq.com/v1alpha2/namespaces/kong/konnectgatewaycontrolplanes/gateway",
            new JsonObject { ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Programmed", ["status"] = "True", ["observedGeneration"] = 1 }) });
        _server.Release("apis/gateway-operator.konghq.com/v1beta1/namespaces/kong/dataplanes/gateway");

        var exit = await _cli.RunAsync("status", output);

        Assert.Equal(KubernetesExitCodes.Success, exit);
        var lines = _cli.Output.Split('\n');
        Assert.Contains(lines, l => l.Contains("KonnectGatewayControlPlane", StringComparison.Ordinal) && l.Contains("kong/gateway", StringComparison.Ordinal) && l.Contains("ready", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("KonnectAPIAuthConfiguration", StringComparison.Ordinal) && l.Contains("pending", StringComparison.Ordinal) && l.Contains("no Valid condition yet", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("DataPlane", StringComparison.Ordinal) && l.Contains("missing", StringComparison.Ordinal));
        Assert.Contains("Kubernetes v1.31.0-fake", _cli.Output, StringComparison.Ordinal);
    }
}
