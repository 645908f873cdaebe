using KonnectAspire.Provisioner.Cli;
using KonnectAspire.TestSupport.Kubernetes;

namespace KonnectAspire.Provisioner.Tests.Commands.Cluster;

/// <summary>
/// A Kubernetes API address that accepts the connection and never answers (a half-dead control plane, a proxy that
/// swallows requests): every cluster verb says what it waits for and stops after one request's timeout, naming the address.
/// </summary>
public sealed class SilentApiServerTests : IAsyncLifetime
{
    private readonly SilentTcpServer _server = new();
    private readonly ProvisionerRun _cli = new() { KubernetesRequestTimeout = TimeSpan.FromSeconds(1) };

    private string Address => $"http://127.0.0.1:{_server.Port}";

    public Task InitializeAsync()
    {
        _cli.WithEnvironment("KUBECONFIG", KubeconfigFile.Write(_cli.WorkingDirectory, "silent", Address, "kong", "t"))
            .WithEnvironment("KONNECT_TOKEN", FakeClusterTests.Token);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _cli.Dispose();
    }

    [Theory]
    [InlineData("deploy")]
    [InlineData("diff")]
    [InlineData("destroy")]
    [InlineData("status")]
    public async Task Every_cluster_verb_fails_after_the_request_timeout_naming_the_address(string verb)
    {
        string[] args = verb == "status" ? [verb] : [verb, _cli.PublishOutput("operator")];

        var exit = await _cli.InvokeAsync(args);

        Assert.Equal(ExitCodes.PreconditionFailed, exit);
        Assert.Contains($"Waiting for the Kubernetes API at {Address}", _cli.Output, StringComparison.Ordinal);
        Assert.Contains($"The Kubernetes API at {Address}/ did not answer GET ", _cli.Error, StringComparison.Ordinal);
        Assert.Contains("within 1s", _cli.Error, StringComparison.Ordinal);
    }
}
