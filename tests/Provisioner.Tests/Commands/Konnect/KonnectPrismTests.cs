using KonnectAspire.TestSupport.Konnect;

namespace KonnectAspire.Provisioner.Tests.Commands.Konnect;

[Collection(PrismCollection.Name)]
public sealed class KonnectPrismTests(PrismMockServer prism) : IDisposable
{
    // The spec's example control plane: the mock finds it by this name.
    private const string ExampleControlPlane = "Test Control Plane";

    private readonly ProvisionerRun _run = new ProvisionerRun().WithEnvironment("KONNECT_TOKEN", "kpat_prism0test0token");

    [Fact]
    public async Task Konnect_up_run_twice_against_the_spec_mock_exits_0_both_times_with_no_violation()
    {
        var mark = prism.Mark();

        var first = await _run.InvokeAsync("konnect", "up", "-c", "konnectaspire-ci", "--base-url", prism.BaseAddress.AbsoluteUri);
        var firstOutput = _run.Output + _run.Error;
        var second = await _run.InvokeAsync("konnect", "up", "-c", "konnectaspire-ci", "--base-url", prism.BaseAddress.AbsoluteUri);

        Assert.True(first == 0, firstOutput);
        Assert.True(second == 0, _run.Output + _run.Error);
        Assert.Empty(await prism.ViolationsSinceAsync(mark));
        Assert.True(File.Exists(Path.Combine(_run.OutputDirectory("konnectaspire-ci"), "konnect-cluster.yaml")));
    }

    [Fact]
    public async Task Status_and_down_of_an_existing_control_plane_keep_to_the_spec()
    {
        var mark = prism.Mark();
        string[] connection = ["-c", ExampleControlPlane, "--base-url", prism.BaseAddress.AbsoluteUri];

        Assert.Equal(0, await _run.InvokeAsync(["konnect", "up", .. connection]));
        Assert.Equal(0, await _run.InvokeAsync(["konnect", "status", .. connection]));
        Assert.Contains("acfe5f253f.cp.konghq.com", _run.Output, StringComparison.Ordinal);
        Assert.Equal(0, await _run.InvokeAsync(["konnect", "down", "--yes", .. connection]));

        Assert.Contains("Deleted control plane", _run.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_run.OutputDirectory("Test-Control-Plane")));
        Assert.Empty(await prism.ViolationsSinceAsync(mark));
    }

    [Fact]
    public async Task Sync_pushes_a_deck_file_within_the_spec()
    {
        var file = Path.Combine(_run.WorkingDirectory, "kong.yaml");
        await File.WriteAllTextAsync(file, KonnectSyncTests.Deck);
        var mark = prism.Mark();

        var exitCode = await _run.InvokeAsync("konnect", "sync", file, "-c", ExampleControlPlane, "--base-url", prism.BaseAddress.AbsoluteUri);

        Assert.True(exitCode == 0, _run.Output + _run.Error);
        Assert.Empty(await prism.ViolationsSinceAsync(mark));
    }

    public void Dispose() => _run.Dispose();
}
