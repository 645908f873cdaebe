using System.Globalization;
using Aspire.Hosting.Kong.GatewayConfig;
using KonnectAspire.TestSupport.Kong;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KonnectAspire.Hosting.Tests;

public sealed class KongGatewaySyncCommandTests : IDisposable
{
    private readonly KongTestAppHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Control_plane_has_the_Sync_gateway_config_command()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong").Resource;

        var command = Assert.Single(controlPlane.Annotations.OfType<ResourceCommandAnnotation>(), command => command.Name == "sync-gateway-config");

        Assert.Equal("Sync gateway config", command.DisplayName);
        Assert.Contains("Admin API", command.DisplayDescription, StringComparison.Ordinal);
        Assert.Equal(("ArrowSync", IconVariant.Regular), (command.IconName, command.IconVariant));
    }

    [Theory]
    [InlineData("Running", HealthStatus.Healthy, ResourceCommandState.Enabled)]
    [InlineData("Running", HealthStatus.Unhealthy, ResourceCommandState.Disabled)]
    [InlineData("Running", null, ResourceCommandState.Disabled)]
    [InlineData("Starting", null, ResourceCommandState.Disabled)]
    [InlineData("Waiting", null, ResourceCommandState.Disabled)]
    [InlineData("Exited", null, ResourceCommandState.Disabled)]
    [InlineData(null, null, ResourceCommandState.Disabled)]
    public void The_command_is_enabled_only_while_the_control_plane_runs_healthy(string? state, HealthStatus? health, ResourceCommandState expected)
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong").Resource;
        var command = Assert.Single(controlPlane.Annotations.OfType<ResourceCommandAnnotation>(), command => command.Name == KongGatewaySyncCommand.Name);
        var snapshot = new CustomResourceSnapshot
        {
            ResourceType = "Container",
            Properties = [],
            State = state is null ? null : new ResourceStateSnapshot(state, null),
        }.WithHealthReports([new HealthReportSnapshot("kong_status_/status/ready_200_check", health, null, null)]);

        var actual = command.UpdateState(new UpdateCommandStateContext { ResourceSnapshot = snapshot, Services = _host.App.Services });

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task First_run_says_what_it_created_and_shows_the_counts_time_and_Kong_version()
    {
        await using var admin = await FakeKongAdminApi.StartAsync();
        var controlPlane = _host.AddControlPlaneWithOrdersRoute(admin.Address.Port).Resource;
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var result = await _host.App.ResourceCommands.ExecuteCommandAsync(controlPlane, KongGatewaySyncCommand.Name);

        Assert.True(result.Success, result.Message);
        Assert.Equal("created service orders, route orders, plugin rate-limiting (route orders)", result.Message);
        var properties = Properties(controlPlane);
        Assert.Equal((1, 1, 1), (properties["kong.services"], properties["kong.routes"], properties["kong.plugins"]));
        Assert.Equal(FakeKongAdminApi.Version, properties["kong.version"]);
        var lastSync = DateTimeOffset.Parse(Assert.IsType<string>(properties["kong.last-sync"]), CultureInfo.InvariantCulture);
        Assert.InRange(lastSync, before, DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task Second_run_with_nothing_changed_says_no_changes_and_sends_nothing()
    {
        await using var admin = await FakeKongAdminApi.StartAsync();
        var controlPlane = _host.AddControlPlaneWithOrdersRoute(admin.Address.Port).Resource;
        await _host.App.ResourceCommands.ExecuteCommandAsync(controlPlane, KongGatewaySyncCommand.Name);
        var sentBefore = Writes(admin);

        var result = await _host.App.ResourceCommands.ExecuteCommandAsync(controlPlane, KongGatewaySyncCommand.Name);

        Assert.True(result.Success, result.Message);
        Assert.Equal("no changes (3 entities already as desired)", result.Message);
        Assert.Equal(sentBefore, Writes(admin));
    }

    [Fact]
    public async Task A_run_after_the_decK_file_changed_reads_it_again_and_names_what_it_added()
    {
        await using var admin = await FakeKongAdminApi.StartAsync();
        var deckFile = Path.Combine(_host.ProjectDirectory, "kong.yaml");
        Directory.CreateDirectory(_host.ProjectDirectory);
        await File.WriteAllTextAsync(deckFile, """
            _format_version: "3.0"
            services: []
            """);
        var controlPlane = _host.AddControlPlaneWithOrdersRoute(admin.Address.Port).WithDeclarativeConfig("kong.yaml").Resource;
        await _host.App.ResourceCommands.ExecuteCommandAsync(controlPlane, KongGatewaySyncCommand.Name);
        await File.WriteAllTextAsync(deckFile, """
            _format_version: "3.0"
            services:
              - name: legacy
                host: legacy.example
                port: 80
                routes:
                  - name: legacy
                    paths: [/legacy]
            """);

        var result = await _host.App.ResourceCommands.ExecuteCommandAsync(controlPlane, KongGatewaySyncCommand.Name);

        Assert.True(result.Success, result.Message);
        Assert.Equal("created service legacy, route legacy; 3 unchanged", result.Message);
        Assert.Equal((2, 2), (Properties(controlPlane)["kong.services"], Properties(controlPlane)["kong.routes"]));
    }

    [Fact]
    public async Task A_decK_file_broken_since_start_up_fails_the_command_naming_the_file_before_anything_is_sent()
    {
        await using var admin = await FakeKongAdminApi.StartAsync();
        var deckFile = Path.Combine(_host.ProjectDirectory, "kong.yaml");
        Directory.CreateDirectory(_host.ProjectDirectory);
        await File.WriteAllTextAsync(deckFile, "_format_version: \"3.0\"\n");
        var controlPlane = _host.AddControlPlaneWithOrdersRoute(admin.Address.Port).WithDeclarativeConfig("kong.yaml").Resource;
        await File.WriteAllTextAsync(deckFile, "_format_version: \"1.1\"\n");

        var result = await _host.App.ResourceCommands.ExecuteCommandAsync(controlPlane, KongGatewaySyncCommand.Name);

        Assert.False(result.Success);
        Assert.StartsWith("Gateway config sync failed:", result.Message, StringComparison.Ordinal);
        Assert.Contains(deckFile, result.Message, StringComparison.Ordinal);
        Assert.Equal(0, Writes(admin));
    }

    [Fact]
    public async Task A_run_Kong_refuses_fails_with_Kongs_reason_naming_the_entity()
    {
        await using var admin = await FakeKongAdminApi.StartAsync();
        admin.RefusedCollection = "plugins";
        var controlPlane = _host.AddControlPlaneWithOrdersRoute(admin.Address.Port).Resource;

        var result = await _host.App.ResourceCommands.ExecuteCommandAsync(controlPlane, KongGatewaySyncCommand.Name);

        Assert.False(result.Success);
        Assert.StartsWith("Gateway config sync failed:", result.Message, StringComparison.Ordinal);
        Assert.Contains("rate-limiting", result.Message, StringComparison.Ordinal);
        Assert.Contains("schema violation (config.minute: expected a number)", result.Message, StringComparison.Ordinal);
        Assert.StartsWith("sync failed:", Assert.IsType<string>(Properties(controlPlane)["kong.gateway-config"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sync_on_ready_shows_a_refusal_and_the_running_Kong_version_on_the_control_plane_without_throwing()
    {
        await using var admin = await FakeKongAdminApi.StartAsync();
        admin.RefusedCollection = "plugins";
        var controlPlane = _host.AddControlPlaneWithOrdersRoute(admin.Address.Port).Resource;

        await KongGatewayConfigSync.SyncWhenReadyAsync(controlPlane, new ResourceReadyEvent(controlPlane, _host.App.Services), CancellationToken.None);

        Assert.Contains("schema violation", Assert.IsType<string>(Properties(controlPlane)["kong.gateway-config"]), StringComparison.Ordinal);
        Assert.Equal(FakeKongAdminApi.Version, Properties(controlPlane)["kong.version"]);
    }

    private Dictionary<string, object?> Properties(KongControlPlaneResource controlPlane)
    {
        Assert.True(_host.App.ResourceNotifications.TryGetCurrentState(controlPlane.Name, out var state));
        return state.Snapshot.Properties.ToDictionary(property => property.Name, property => property.Value);
    }

    private static int Writes(FakeKongAdminApi admin) => admin.Changes.Count;
}
