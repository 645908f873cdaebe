using KonnectAspire.Provisioner.Cli;
using KonnectAspire.Provisioner.Commands.Konnect;

namespace KonnectAspire.Provisioner.Tests.Commands.Cluster;

public sealed class DiffCommandTests : FakeClusterTests
{
    [Fact]
    public async Task Diff_on_an_empty_cluster_lists_every_object_as_created_through_dry_runs_only()
    {
        var exit = await Cli.InvokeAsync("diff", Cli.PublishOutput("operator"));

        Assert.Equal(ExitCodes.DifferencesFound, exit);
        Assert.Contains("+ create KonnectGatewayControlPlane kong/gateway", Cli.Transcript, StringComparison.Ordinal);
        Assert.Contains("+ create Secret kong/konnect-api-token", Cli.Transcript, StringComparison.Ordinal);
        Assert.Contains("+     name: konnect-aspire", Cli.Transcript, StringComparison.Ordinal);
        Assert.All(Server.Requests.Where(r => r.IsApply), r => Assert.True(r.IsDryRun));
        Assert.Null(Server.Get("apis/konnect.konghq.com/v1alpha2/namespaces/kong/konnectgatewaycontrolplanes/gateway"));
    }

    [Fact]
    public async Task Diff_after_deploy_finds_nothing_to_change()
    {
        var output = Cli.PublishOutput("operator");
        Assert.Equal(ExitCodes.Success, await Cli.InvokeAsync("deploy", output, "--no-wait"));

        var exit = await Cli.InvokeAsync("diff", output);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("No differences: the cluster matches", Cli.Transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_shows_a_changed_field_as_removed_and_added_lines()
    {
        var output = Cli.PublishOutput("operator");
        Assert.Equal(ExitCodes.Success, await Cli.InvokeAsync("deploy", output, "--no-wait"));
        var dataPlane = Path.Combine(output, "dataplane.yaml");
        File.WriteAllText(dataPlane, File.ReadAllText(dataPlane).Replace("maxReplicas: 20", "maxReplicas: 30", StringComparison.Ordinal));

        var exit = await Cli.InvokeAsync("diff", output);

        Assert.Equal(ExitCodes.DifferencesFound, exit);
        Assert.Contains("~ change DataPlane kong/gateway", Cli.Transcript, StringComparison.Ordinal);
        Assert.Contains("-         maxReplicas: 20", Cli.Transcript, StringComparison.Ordinal);
        Assert.Contains("+         maxReplicas: 30", Cli.Transcript, StringComparison.Ordinal);
        Assert.Contains("1 of 10 objects would change", Cli.Transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_of_a_changed_token_says_so_without_showing_either_token()
    {
        var output = Cli.PublishOutput("operator");
        Assert.Equal(ExitCodes.Success, await Cli.InvokeAsync("deploy", output, "--no-wait"));
        Cli.WithEnvironment(KonnectVerbCommand.TokenVariable, "kpat_another0123456789");

        var exit = await Cli.InvokeAsync("diff", output);

        Assert.Equal(ExitCodes.DifferencesFound, exit);
        Assert.Contains("~ change Secret kong/konnect-api-token", Cli.Transcript, StringComparison.Ordinal);
        Assert.Contains("+   token: (hidden, changed)", Cli.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, Cli.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("kpat_another0123456789", Cli.Transcript, StringComparison.Ordinal);
    }
}
