using System.Text.Json.Nodes;
using KonnectAspire.Provisioner.Cli;

namespace KonnectAspire.Provisioner.Tests.Commands.Cluster;

public sealed class StatusCommandTests : FakeClusterTests
{
    [Fact]
    public async Task Status_shows_each_gateway_object_with_its_condition_and_flags_what_is_missing()
    {
        var output = Cli.PublishOutput("operator");
        Assert.Equal(ExitCodes.Success, await Cli.InvokeAsync("deploy", output, "--no-wait"));
        Server.SetStatus(
            "apis/konnect.konghq.com/v1alpha2/namespaces/kong/konnectgatewaycontrolplanes/gateway",
            new JsonObject { ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Programmed", ["status"] = "True", ["observedGeneration"] = 1 }) });
        Server.Release("apis/gateway-operator.konghq.com/v1beta1/namespaces/kong/dataplanes/gateway");

        var exit = await Cli.InvokeAsync("status", output);

        Assert.Equal(ExitCodes.Success, exit);
        var lines = Cli.Transcript.Split('\n');
        Assert.Contains(lines, l => l.Contains("KonnectGatewayControlPlane", StringComparison.Ordinal) && l.Contains("kong/gateway", StringComparison.Ordinal) && l.Contains("ready", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("KonnectAPIAuthConfiguration", StringComparison.Ordinal) && l.Contains("pending", StringComparison.Ordinal) && l.Contains("no Valid condition yet", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("DataPlane", StringComparison.Ordinal) && l.Contains("missing", StringComparison.Ordinal));
        Assert.Contains("Kubernetes v1.31.0-fake", Cli.Transcript, StringComparison.Ordinal);
    }
}
