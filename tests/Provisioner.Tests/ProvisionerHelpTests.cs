namespace KonnectAspire.Provisioner.Tests;

public sealed class ProvisionerHelpTests : IDisposable
{
    private readonly ProvisionerRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task The_top_level_help_lists_konnect_and_the_verbs_to_come()
    {
        Assert.Equal(0, await _run.InvokeAsync("--help"));

        foreach (var verb in new[] { "konnect", "deploy", "status", "diff", "destroy", "loadtest" })
        {
            Assert.Contains($"  {verb} ", _run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_konnect_help_lists_up_sync_status_and_down()
    {
        Assert.Equal(0, await _run.InvokeAsync("konnect", "--help"));

        foreach (var verb in new[] { "up", "sync", "status", "down" })
        {
            Assert.Contains($"  {verb} ", _run.Output, StringComparison.Ordinal);
        }
    }
}
