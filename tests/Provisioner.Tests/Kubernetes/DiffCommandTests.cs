using KonnectAspire.Provisioner.Kubernetes;

namespace KonnectAspire.Provisioner.Tests.Kubernetes;

public sealed class DiffCommandTests : IAsyncLifetime
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
    public async Task Diff_on_an_empty_cluster_lists_every_object_as_created_through_dry_runs_only()
    {
        var exit = await _cli.RunAsync("diff", _cli.PublishOutput("operator"));

        Assert.Equal(KubernetesExitCodes.DifferencesFound, exit);
        Assert.Contains("+ create KonnectGatewayControlPlane kong/gateway", _cli.Output, StringComparison.Ordinal);
        Assert.Contains("+ create Secret kong/konnect-api-token", _cli.Output, StringComparison.Ordinal);
        Assert.Contains("+     name: konnect-aspire", _cli.Output, StringComparison.Ordinal);
        Assert.All(_server.Requests.Where(r => r.IsApply), r => Assert.True(r.IsDryRun));
        Assert.Null(_server.Get("apis/konnect.konghq.com/v1alpha2/namespaces/kong/konnectgatewaycontrolplanes/gateway"));
    }

    [Fact]
    public async Task Diff_after_deploy_finds_nothing_to_change()
    {
        var output = _cli.PublishOutput("operator");
        Assert.Equal(KubernetesExitCodes.Success, await _cli.RunAsync("deploy", output, "--no-wait"));

        var exit = await _cli.RunAsync("diff", output);

        Assert.Equal(KubernetesExitCodes.Success, exit);
        Assert.Contains("No differences: the cluster matches", _cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_shows_a_changed_field_as_removed_and_added_lines()
    {
        var output = _cli.PublishOutput("operator");
        Assert.Equal(KubernetesExitCodes.Success, await _cli.RunAsync("deploy", output, "--no-wait"));
        var dataPlane = Path.Combine(output, "dataplane.yaml");
        File.WriteAllText(dataPlane, File.ReadAllText(dataPlane).Replace("maxReplicas: 20", "maxReplicas: 30", StringComparison.Ordinal));

        var exit = await _cli.RunAsync("diff", output);

        Assert.Equal(KubernetesExitCodes.DifferencesFound, exit);
        Assert.Contains("~ change DataPlane kong/gateway", _cli.Output, StringComparison.Ordinal);
        Assert.Contains("-         maxReplicas: 20", _cli.Output, StringComparison.Ordinal);
        Assert.Contains("+         maxReplicas: 30", _cli.Output, StringComparison.Ordinal);
        Assert.Contains("1 of 10 objects would change", _cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_of_a_changed_token_says_so_without_showing_either_token()
    {
        var output = _cli.PublishOutput("operator");
        Assert.Equal(KubernetesExitCodes.Success, await _cli.RunAsync("deploy", output, "--no-wait"));
        _cli.Environment[KonnectSecretSources.TokenVariable] = "kpat_another0123456789";

        var exit = await _cli.RunAsync("diff", output);

        Assert.Equal(KubernetesExitCodes.DifferencesFound, exit);
        Assert.Contains("~ change Secret kong/konnect-api-token", _cli.Output, StringComparison.Ordinal);
        Assert.Contains("+   token: (hidden, changed)", _cli.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(DeployCommandTests.Token, _cli.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("kpat_another0123456789", _cli.Output, StringComparison.Ordinal);
    }
}
