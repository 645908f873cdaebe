using System.Text.Json.Nodes;
using KonnectAspire.TestSupport.Konnect;

namespace KonnectAspire.Hosting.Tests;

/// <summary>The AppHost started for real (DCP, no container engine needed) in Konnect mode, against a fake Konnect on loopback.</summary>
public sealed class KonnectRunModeTests : IAsyncLifetime
{
    private FakeKonnect _konnect = null!;
    private KongTestAppHost _host = null!;

    public async Task InitializeAsync()
    {
        _konnect = await FakeKonnect.StartAsync();
        _host = new KongTestAppHost(KonnectControlPlaneStartupTests.Arguments(_konnect.BaseAddress));
    }

    public async Task DisposeAsync()
    {
        await _host.App.StopAsync();
        _host.Dispose();
        await _konnect.DisposeAsync();
    }

    [Fact]
    public async Task On_start_the_Konnect_control_plane_runs_links_to_Konnect_and_syncs_the_gateway_config()
    {
        KonnectModeTests.AddKonnect(_host)
            .WithPlugin("rate-limiting-advanced", new JsonObject { ["limit"] = new JsonArray(5), ["window_size"] = new JsonArray(30) });
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        await _host.App.StartAsync(stop.Token);
        var synced = await _host.App.ResourceNotifications.WaitForResourceAsync(
            "kong",
            update => update.Snapshot.Properties.Any(property => property.Name == "kong.gateway-config"),
            stop.Token);

        var id = Guid.Parse((string)Assert.Single(_konnect.ControlPlanes)["id"]!);
        Assert.Single(_konnect.PinnedCertificates(id));
        Assert.Equal("rate-limiting-advanced", (string?)Assert.Single(_konnect.Entities(id, "plugins"))["name"]);
        Assert.Equal(KnownResourceStates.Running, synced.Snapshot.State?.Text);
        Assert.Contains(synced.Snapshot.Urls, url => url.Url == $"https://cloud.konghq.com/us/gateway-manager/{id}");
        Assert.Equal("synced: 1 created, 0 updated, 0 deleted, 0 unchanged", synced.Snapshot.Properties.Single(property => property.Name == "kong.gateway-config").Value);
    }
}
