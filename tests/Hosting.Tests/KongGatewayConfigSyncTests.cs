using Aspire.Hosting.Kong.GatewayConfig;
using KonnectAspire.TestSupport.Kong;

namespace KonnectAspire.Hosting.Tests;

public sealed class KongGatewayConfigSyncTests : IDisposable
{
    private readonly KongTestAppHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Sync_puts_the_route_at_the_address_the_data_plane_containers_reach_tagged_as_ours()
    {
        await using var admin = await FakeKongAdminApi.StartAsync();
        var controlPlane = _host.AddControlPlaneWithOrdersRoute(admin.Address.Port).Resource;

        await KongGatewayConfigSync.SyncAsync(controlPlane, _host.App.Services, CancellationToken.None);

        var puts = admin.Requests.Where(request => request.Method == "PUT").ToList();
        Assert.Equal(["services", "routes", "plugins"], puts.Select(request => request.Path.Split('/')[1]));
        var service = puts[0].Json;
        Assert.Equal(("orders", "orders-api.dev.internal", 8080, "http"), ((string?)service["name"], (string?)service["host"], (int?)service["port"], (string?)service["protocol"]));
        Assert.Contains("konnectaspire", service["tags"]!.AsArray().Select(tag => (string?)tag));
        Assert.Equal("/orders", (string?)puts[1].Json["paths"]![0]);
        Assert.Equal(60, (int?)puts[2].Json["config"]!["minute"]);
        Assert.StartsWith("synced: 3 created", SyncStatus(controlPlane), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entity_Kong_refuses_is_shown_on_the_control_plane_naming_it()
    {
        await using var admin = await FakeKongAdminApi.StartAsync();
        admin.RefusedCollection = "plugins";
        var controlPlane = _host.AddControlPlaneWithOrdersRoute(admin.Address.Port).Resource;

        await Assert.ThrowsAnyAsync<Exception>(() => KongGatewayConfigSync.SyncAsync(controlPlane, _host.App.Services, CancellationToken.None));

        var status = SyncStatus(controlPlane);
        Assert.StartsWith("sync failed:", status, StringComparison.Ordinal);
        Assert.Contains("rate-limiting", status, StringComparison.Ordinal);
        Assert.Contains("schema violation", status, StringComparison.Ordinal);
    }

    private string? SyncStatus(KongControlPlaneResource controlPlane)
    {
        Assert.True(_host.App.ResourceNotifications.TryGetCurrentState(controlPlane.Name, out var state));
        return state.Snapshot.Properties.SingleOrDefault(property => property.Name == "kong.gateway-config")?.Value as string;
    }
}
