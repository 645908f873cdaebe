using KonnectAspire.TestSupport.Konnect;
namespace KonnectAspire.Provisioner.Tests.Commands.Konnect;

public sealed class KonnectSyncTests : IAsyncLifetime, IDisposable
{
    internal const string Deck = """
        _format_version: "3.0"
        services:
          - name: orders
            url: http://orders.default.svc:8080
            routes:
              - name: orders
                paths: [/orders]
        """;

    private readonly ProvisionerRun _run = new ProvisionerRun().WithEnvironment("KONNECT_TOKEN", "kpat_sync0test");
    private FakeKonnect _konnect = null!;

    public async Task InitializeAsync() => _konnect = await FakeKonnect.StartAsync();

    public async Task DisposeAsync() => await _konnect.DisposeAsync();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task A_publish_folder_is_synced_once_and_a_second_sync_changes_nothing()
    {
        var publish = Directory.CreateDirectory(Path.Combine(_run.WorkingDirectory, "aspire-output", "kong")).FullName;
        await File.WriteAllTextAsync(Path.Combine(publish, "kong.yaml"), Deck);
        string[] connection = ["-c", "shop", "--base-url", _konnect.BaseAddress.AbsoluteUri];
        Assert.Equal(0, await _run.InvokeAsync(["konnect", "up", .. connection]));

        Assert.Equal(0, await _run.InvokeAsync(["konnect", "sync", "aspire-output", .. connection]));
        Assert.Contains("created", _run.Output, StringComparison.Ordinal);
        var writes = _konnect.Writes;
        Assert.Equal(0, await _run.InvokeAsync(["konnect", "sync", "aspire-output", .. connection]));

        Assert.Contains("Nothing to change", _run.Output, StringComparison.Ordinal);
        Assert.Equal(writes, _konnect.Writes);
    }

    [Fact]
    public async Task Sync_to_a_control_plane_that_does_not_exist_says_to_run_up_first()
    {
        var file = Path.Combine(_run.WorkingDirectory, "kong.yaml");
        await File.WriteAllTextAsync(file, Deck);

        Assert.Equal(4, await _run.InvokeAsync("konnect", "sync", file, "-c", "shop", "--base-url", _konnect.BaseAddress.AbsoluteUri));

        Assert.Contains("konnect up", _run.Error, StringComparison.Ordinal);
    }
}
