namespace KonnectAspire.Provisioner.Tests.Commands.Konnect;

/// <summary>
/// A Konnect API address that accepts the connection and never answers: every konnect verb says where it waits and
/// stops within the call's timeout with exit 6, naming the call and the host.
/// </summary>
public sealed class SilentKonnectTests : IAsyncLifetime
{
    private readonly SilentTcpServer _server = new();
    private readonly ProvisionerRun _cli = new() { KonnectTimeouts = (TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1)) };

    private string BaseUrl => $"http://127.0.0.1:{_server.Port}/v2";

    public Task InitializeAsync()
    {
        _cli.WithEnvironment("KONNECT_TOKEN", Cluster.FakeClusterTests.Token);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _cli.Dispose();
    }

    [Theory]
    [InlineData("up")]
    [InlineData("status")]
    [InlineData("down")]
    public async Task Every_konnect_verb_stops_within_the_call_timeout_naming_the_call(string verb)
    {
        string[] args = verb == "down" ? ["konnect", verb, "--base-url", BaseUrl, "--yes"] : ["konnect", verb, "--base-url", BaseUrl];
        var started = TimeProvider.System.GetTimestamp();

        var exit = await _cli.InvokeAsync(args);

        Assert.Equal(6, exit);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(30), "the verb waited past the call's timeout");
        Assert.Contains($"Waiting for the Konnect API at {BaseUrl}", _cli.Error, StringComparison.Ordinal);
        Assert.Contains("Konnect did not answer '", _cli.Error, StringComparison.Ordinal);
        Assert.Contains("in time", _cli.Error, StringComparison.Ordinal);
    }
}
