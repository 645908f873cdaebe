using System.Text.Json.Nodes;
using Aspire.Hosting.Kong.ControlPlanes;
using KonnectAspire.Konnect.Certificates;
using KonnectAspire.Konnect.Sync;
using KonnectAspire.TestSupport;
using KonnectAspire.TestSupport.Kong;
using KonnectAspire.TestSupport.Konnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KonnectAspire.Hosting.Tests;

/// <summary>What a Konnect control plane does on start, against a stateful fake Konnect on loopback.</summary>
public sealed class KonnectControlPlaneStartupTests : IAsyncLifetime
{
    private FakeKonnect _konnect = null!;
    private KongTestAppHost _host = null!;

    public async Task InitializeAsync()
    {
        _konnect = await FakeKonnect.StartAsync();
        _host = new KongTestAppHost(Arguments(_konnect.BaseAddress));
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _konnect.DisposeAsync();
    }

    [Fact]
    public async Task Start_creates_the_control_plane_pins_the_stored_certificate_and_shows_a_link_to_it_in_Konnect()
    {
        var controlPlane = KonnectModeTests.AddKonnect(_host).Resource;

        await StartAsync(_host, controlPlane);

        var created = Assert.Single(_konnect.ControlPlanes);
        var id = Guid.Parse((string)created["id"]!);
        Assert.Equal(("kong", "konnectaspire"), ((string?)created["name"], (string?)created["labels"]!["managed-by"]));
        var certificate = StoredCertificate(_host);
        Assert.Equal([certificate.CertificatePem], _konnect.PinnedCertificates(id));

        var snapshot = Snapshot(_host, controlPlane);
        Assert.Equal(KnownResourceStates.Running, snapshot.State?.Text);
        var link = Assert.Single(snapshot.Urls);
        Assert.Equal(($"https://cloud.konghq.com/us/gateway-manager/{id}", false), (link.Url, link.IsInternal));
        Assert.Equal(id.ToString(), Property(snapshot, "konnect.id"));
        Assert.Equal($"{(string)created["config"]!["control_plane_endpoint"]!}:443".Replace("https://", "", StringComparison.Ordinal), Property(snapshot, "konnect.cluster-endpoint"));
        Assert.StartsWith($"SHA-256 {certificate.Sha256Fingerprint[..16]}", Property(snapshot, "konnect.data-plane-certificate"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_planes_carry_the_Konnect_data_plane_environment_of_the_control_plane()
    {
        var controlPlane = KonnectModeTests.AddKonnect(_host);
        var group = _host.Builder.AddKongDataPlane("kong-dp", controlPlane).Resource;

        await StartAsync(_host, controlPlane.Resource);

        var config = Assert.Single(_konnect.ControlPlanes)["config"]!;
        var clusterHost = new Uri((string)config["control_plane_endpoint"]!).Host;
        var telemetryHost = new Uri((string)config["telemetry_endpoint"]!).Host;
        var certificate = StoredCertificate(_host);
        foreach (var instance in group.InstanceResources)
        {
            var environment = await ResolvedEnvironment(_host, instance);

            // ../shared/docs/kong-facts.md §4, "Konnect data plane env".
            Assert.Equal("data_plane", environment["KONG_ROLE"]);
            Assert.Equal("off", environment["KONG_DATABASE"]);
            Assert.Equal("on", environment["KONG_KONNECT_MODE"]);
            Assert.Equal("pki", environment["KONG_CLUSTER_MTLS"]);
            Assert.Equal($"{clusterHost}:443", environment["KONG_CLUSTER_CONTROL_PLANE"]);
            Assert.Equal(clusterHost, environment["KONG_CLUSTER_SERVER_NAME"]);
            Assert.Equal($"{telemetryHost}:443", environment["KONG_CLUSTER_TELEMETRY_ENDPOINT"]);
            Assert.Equal(telemetryHost, environment["KONG_CLUSTER_TELEMETRY_SERVER_NAME"]);
            Assert.Equal("system", environment["KONG_LUA_SSL_TRUSTED_CERTIFICATE"]);
            Assert.Equal(certificate.CertificatePem, environment["KONG_CLUSTER_CERT"]);
            Assert.Equal(certificate.PrivateKeyPem, environment["KONG_CLUSTER_CERT_KEY"]);
            Assert.Matches(@"^[0-9a-f]{10}\.us\.cp\.konghq\.com:443$", environment["KONG_CLUSTER_CONTROL_PLANE"]);
            Assert.Matches(@"^[0-9a-f]{10}\.us\.tp0\.konghq\.com:443$", environment["KONG_CLUSTER_TELEMETRY_ENDPOINT"]);
            Assert.All(environment.Keys.Where(key => key.StartsWith("KONG_", StringComparison.Ordinal)), variable =>
                Assert.NotNull(KongConfProperties.PropertyOf(variable, enterprise: true)));
        }
    }

    [Fact]
    public async Task Routes_and_Enterprise_plugins_are_synced_to_Konnect_core_entities_with_the_owner_tag_the_Provisioner_uses()
    {
        var orders = _host.AddOrdersApi();
        var controlPlane = KonnectModeTests.AddKonnect(_host)
            .WithRoute("/orders", orders, name: "orders", stripPath: false)
            .WithPlugin("rate-limiting-advanced", new JsonObject { ["limit"] = new JsonArray(5), ["window_size"] = new JsonArray(30) }, route: "orders")
            .Resource;
        KongTestAppHost.AllocateInContainerNetwork(orders, "orders-api.dev.internal", 8080);

        await StartAsync(_host, controlPlane);

        var id = Guid.Parse((string)Assert.Single(_konnect.ControlPlanes)["id"]!);
        var service = Assert.Single(_konnect.Entities(id, "services"));
        Assert.Equal(("orders", "orders-api.dev.internal", 8080), ((string?)service["name"], (string?)service["host"], (int?)service["port"]));
        Assert.Equal("/orders", (string?)Assert.Single(_konnect.Entities(id, "routes"))["paths"]![0]);
        Assert.Equal("rate-limiting-advanced", (string?)Assert.Single(_konnect.Entities(id, "plugins"))["name"]);
        Assert.All(
            _konnect.Entities(id, "services").Concat(_konnect.Entities(id, "routes")).Concat(_konnect.Entities(id, "plugins")),
            entity => Assert.Contains(GatewayConfigSynchronizer.DefaultOwnerTag, entity["tags"]!.AsArray().Select(tag => (string?)tag)));
        Assert.Equal("konnectaspire", GatewayConfigSynchronizer.DefaultOwnerTag);
        Assert.StartsWith("synced: 3 created", Property(Snapshot(_host, controlPlane), "kong.gateway-config"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_start_reuses_the_control_plane_and_certificate_and_changes_nothing_in_Konnect()
    {
        var first = KonnectModeTests.AddKonnect(_host).WithPlugin("rate-limiting-advanced", new JsonObject { ["limit"] = new JsonArray(5), ["window_size"] = new JsonArray(30) });
        await StartAsync(_host, first.Resource);
        var writes = _konnect.Writes;
        var certificate = StoredCertificate(_host);

        using var nextRun = _host.NextRun(Arguments(_konnect.BaseAddress));
        var second = KonnectModeTests.AddKonnect(nextRun).WithPlugin("rate-limiting-advanced", new JsonObject { ["limit"] = new JsonArray(5), ["window_size"] = new JsonArray(30) });
        await StartAsync(nextRun, second.Resource);

        Assert.Equal(writes, _konnect.Writes);
        Assert.Single(_konnect.ControlPlanes);
        Assert.Equal(certificate.CertificatePem, StoredCertificate(nextRun).CertificatePem);
        Assert.StartsWith("synced: 0 created, 0 updated, 0 deleted, 1 unchanged", Property(Snapshot(nextRun, second.Resource), "kong.gateway-config"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_Konnect_rejects_fails_the_control_plane_with_the_fix_and_leaves_the_data_planes_waiting()
    {
        await using var rejecting = await LoopbackServer.StartAsync(app => app.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return context.Response.WriteAsJsonAsync(new { status = 401, title = "Unauthorized", detail = "Invalid token" });
        }));
        using var host = new KongTestAppHost(Arguments(rejecting.BaseAddress));
        var controlPlane = KonnectModeTests.AddKonnect(host);
        host.Builder.AddKongDataPlane("kong-dp", controlPlane, instances: 1);

        await StartAsync(host, controlPlane.Resource);

        var snapshot = Snapshot(host, controlPlane.Resource);
        Assert.Equal(KnownResourceStates.FailedToStart, snapshot.State?.Text);
        var error = Property(snapshot, "konnect.error");
        Assert.Contains("personal access token", error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(KonnectModeTests.Token, error, StringComparison.Ordinal);
        Assert.False(controlPlane.Resource.Connection.IsCompleted);
    }

    [Fact]
    public async Task The_token_is_in_no_resource_log_dashboard_property_or_data_plane_environment()
    {
        var controlPlane = KonnectModeTests.AddKonnect(_host).WithPlugin("rate-limiting-advanced", new JsonObject { ["limit"] = new JsonArray(5), ["window_size"] = new JsonArray(30) });
        var group = _host.Builder.AddKongDataPlane("kong-dp", controlPlane, instances: 1).Resource;

        await StartAsync(_host, controlPlane.Resource);

        var logs = new List<string>();
        await foreach (var backlog in _host.App.Services.GetRequiredService<ResourceLoggerService>().WatchAsync(controlPlane.Resource))
        {
            logs.AddRange(backlog.Select(line => line.Content));
            break;
        }

        Assert.Contains(logs, line => line.Contains("Gateway config synced to Konnect", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, line => line.Contains(KonnectModeTests.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(Snapshot(_host, controlPlane.Resource).Properties, property => (property.Value?.ToString() ?? "").Contains(KonnectModeTests.Token, StringComparison.Ordinal));
        var environment = await ResolvedEnvironment(_host, group.InstanceResources[0]);
        Assert.DoesNotContain(environment.Values, value => value.Contains(KonnectModeTests.Token, StringComparison.Ordinal));
    }

    internal static string[] Arguments(Uri konnect) => [$"Parameters:konnect-token={KonnectModeTests.Token}", $"Konnect:ApiBaseAddress={konnect.AbsoluteUri}"];

    private static Task StartAsync(KongTestAppHost host, KonnectControlPlaneResource controlPlane)
        => KonnectControlPlaneStartup.StartAsync(controlPlane, host.App.Services, CancellationToken.None);

    private static ClusterCertificate StoredCertificate(KongTestAppHost host)
    {
        var directory = Assert.Single(Directory.GetDirectories(host.CertificateDirectory));
        return ClusterCertificate.FromPem(
            File.ReadAllText(Path.Combine(directory, ClusterCertificateStore.CertificateFileName)),
            File.ReadAllText(Path.Combine(directory, ClusterCertificateStore.KeyFileName)));
    }

    private static CustomResourceSnapshot Snapshot(KongTestAppHost host, IResource resource)
    {
        Assert.True(host.App.ResourceNotifications.TryGetCurrentState(resource.Name, out var state));
        return state.Snapshot;
    }

    private static string Property(CustomResourceSnapshot snapshot, string name)
        => Assert.IsType<string>(Assert.Single(snapshot.Properties, property => property.Name == name).Value);

    // Resolved as DCP resolves them for a container it starts.
    private static async Task<Dictionary<string, string>> ResolvedEnvironment(KongTestAppHost host, IResource instance)
    {
        var configuration = await ExecutionConfigurationBuilder.Create(instance)
            .WithEnvironmentVariablesConfig()
            .BuildAsync(host.App.Services.GetRequiredService<DistributedApplicationExecutionContext>(), NullLogger.Instance, CancellationToken.None);
        Assert.Null(configuration.Exception);
        return configuration.EnvironmentVariables.ToDictionary(variable => variable.Key, variable => variable.Value, StringComparer.Ordinal);
    }
}
