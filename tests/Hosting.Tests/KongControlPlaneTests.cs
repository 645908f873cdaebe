using KonnectAspire.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KonnectAspire.Hosting.Tests;

public sealed class KongControlPlaneTests : IDisposable
{
    private readonly KongTestAppHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Adds_the_control_plane_with_its_postgres_database_and_migrations()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        Assert.Equal(KongEdition.OpenSource, controlPlane.Resource.Edition);
        var postgres = _host.Resource<PostgresServerResource>("kong-postgres");
        var database = _host.Resource<PostgresDatabaseResource>("kong-db");
        Assert.Equal("kong", database.DatabaseName);
        Assert.Same(postgres, database.Parent);
        var migrations = _host.Resource<ContainerResource>("kong-migrations");
        Assert.Contains(migrations.Annotations.OfType<WaitAnnotation>(), wait => ReferenceEquals(wait.Resource, database) || ReferenceEquals(wait.Resource, postgres));
        Assert.Contains(controlPlane.Resource.Annotations.OfType<WaitAnnotation>(), wait => ReferenceEquals(wait.Resource, migrations) && wait.WaitType == WaitType.WaitForCompletion);
    }

    [Fact]
    public void Control_plane_and_migrations_run_the_pinned_open_source_image()
    {
        _host.Builder.AddKongControlPlane("kong");

        foreach (var name in new[] { "kong", "kong-migrations" })
        {
            Assert.True(_host.Resource<ContainerResource>(name).TryGetContainerImageName(out var image));
            Assert.Equal("docker.io/library/kong:3.9.3", image);
        }
    }

    [Fact]
    public void Control_plane_exposes_admin_cluster_status_and_manager_endpoints()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong").Resource;

        var endpoints = controlPlane.Annotations.OfType<EndpointAnnotation>().ToDictionary(endpoint => endpoint.Name);

        Assert.Equal(["admin", "cluster", "manager", "status"], endpoints.Keys.Order());
        Assert.Equal((8001, "http"), (endpoints["admin"].TargetPort, endpoints["admin"].UriScheme));
        Assert.Equal((8005, "tcp"), (endpoints["cluster"].TargetPort, endpoints["cluster"].UriScheme));
        Assert.Equal((8100, "http"), (endpoints["status"].TargetPort, endpoints["status"].UriScheme));
        Assert.Equal((8002, "http"), (endpoints["manager"].TargetPort, endpoints["manager"].UriScheme));
        Assert.Equal("admin", controlPlane.AdminEndpoint.EndpointName);
        Assert.Equal("cluster", controlPlane.ClusterEndpoint.EndpointName);
        Assert.Equal("status", controlPlane.StatusEndpoint.EndpointName);
    }

    [Theory]
    [InlineData(200, HealthStatus.Healthy)]
    [InlineData(503, HealthStatus.Unhealthy)]
    public async Task Control_plane_health_is_what_status_ready_answers_on_the_status_endpoint(int status, HealthStatus expected)
    {
        var paths = new List<string>();
        await using var kongStatus = await LoopbackServer.StartAsync(app => app.Run(context =>
        {
            paths.Add(context.Request.Path);
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }));
        // The testing builder gives every HttpClient the standard resilience handler, which would retry the 503 for seconds;
        // an AppHost's health checks have none, so neither does this one.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; a test may depend on it.
        _host.Builder.Services.ConfigureHttpClientDefaults(http => http.RemoveAllResilienceHandlers());
#pragma warning restore EXTEXP0001
        var controlPlane = _host.Builder.AddKongControlPlane("kong").Resource;
        var endpoint = controlPlane.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == controlPlane.StatusEndpoint.EndpointName);
        endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint, "127.0.0.1", kongStatus.BaseAddress.Port);
        var check = Assert.Single(controlPlane.Annotations.OfType<HealthCheckAnnotation>());

        var report = await _host.App.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(registration => registration.Name == check.Key);

        Assert.Equal(expected, report.Entries[check.Key].Status);
        Assert.Equal(["/status/ready"], paths);
    }

    [Fact]
    public async Task Migrations_bootstrap_the_database_once_it_is_ready()
    {
        _host.Builder.AddKongControlPlane("kong");
        var migrations = _host.Resource<ContainerResource>("kong-migrations");

        var arguments = migrations.Annotations.OfType<CommandLineArgsCallbackAnnotation>().ToList();
        var context = new CommandLineArgsCallbackContext([]);
        foreach (var callback in arguments)
        {
            await callback.Callback(context);
        }

        Assert.Equal(["kong", "migrations", "bootstrap"], context.Args);
        var waits = migrations.Annotations.OfType<WaitAnnotation>().Select(wait => (wait.Resource.Name, wait.WaitType));
        Assert.Contains(("kong-db", WaitType.WaitUntilHealthy), waits);
    }

    [Fact]
    public void Control_plane_waits_for_the_database_and_the_completed_migrations()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong").Resource;

        var waits = controlPlane.Annotations.OfType<WaitAnnotation>().Select(wait => (wait.Resource.Name, wait.WaitType, wait.ExitCode)).ToList();

        Assert.Contains(("kong-db", WaitType.WaitUntilHealthy, 0), waits);
        Assert.Contains(("kong-migrations", WaitType.WaitForCompletion, 0), waits);
    }

    [Fact]
    public void Postgres_and_migrations_show_under_the_control_plane()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong").Resource;

        foreach (var name in new[] { "kong-postgres", "kong-migrations" })
        {
            var parent = Assert.Single(_host.Resource<IResource>(name).Annotations.OfType<ResourceRelationshipAnnotation>(), relationship => relationship.Type == "Parent");
            Assert.Same(controlPlane, parent.Resource);
        }
    }

    [Fact]
    public async Task Control_plane_runs_hybrid_role_control_plane_on_postgres()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong").Resource;

        var environment = await _host.EnvironmentOf(controlPlane);

        Assert.Equal("control_plane", environment["KONG_ROLE"]);
        Assert.Equal("postgres", environment["KONG_DATABASE"]);
        Assert.Equal("kong", environment["KONG_PG_DATABASE"]);
        var host = Assert.IsType<EndpointReferenceExpression>(environment["KONG_PG_HOST"]);
        Assert.Equal(("kong-postgres", EndpointProperty.Host), (host.Endpoint.Resource.Name, host.Property));
        var port = Assert.IsType<EndpointReferenceExpression>(environment["KONG_PG_PORT"]);
        Assert.Equal(("kong-postgres", EndpointProperty.Port), (port.Endpoint.Resource.Name, port.Property));
        Assert.IsType<ParameterResource>(environment["KONG_PG_PASSWORD"]);
        Assert.IsType<ReferenceExpression>(environment["KONG_PG_USER"]);
    }

    [Fact]
    public async Task Control_plane_listens_on_its_endpoints_target_ports()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong").Resource;

        var environment = await _host.EnvironmentOf(controlPlane);

        Assert.Equal("0.0.0.0:{kong.bindings.admin.targetPort}", ValueExpression(environment["KONG_ADMIN_LISTEN"]));
        Assert.Equal("0.0.0.0:{kong.bindings.cluster.targetPort}", ValueExpression(environment["KONG_CLUSTER_LISTEN"]));
        Assert.Equal("0.0.0.0:{kong.bindings.status.targetPort}", ValueExpression(environment["KONG_STATUS_LISTEN"]));
        Assert.Equal("off", environment["KONG_PROXY_LISTEN"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Each_data_plane_references_the_upstreams_of_the_routes_it_serves_whichever_comes_first(bool routeFirst)
    {
        var orders = _host.AddOrdersApi();
        var controlPlane = _host.Builder.AddKongControlPlane("kong");
        if (routeFirst)
        {
            controlPlane.WithRoute("/orders", orders, name: "orders");
        }

        _host.Builder.AddKongDataPlane("kong-dp", controlPlane, instances: 2);
        if (!routeFirst)
        {
            controlPlane.WithRoute("/orders", orders, name: "orders");
        }

        var executionContext = _host.App.Services.GetRequiredService<DistributedApplicationExecutionContext>();
        foreach (var instance in new[] { "kong-dp-1", "kong-dp-2" }.Select(_host.Resource<KongDataPlaneInstanceResource>))
        {
            var environment = await _host.EnvironmentOf(instance);
            var upstream = Assert.IsType<EndpointReference>(environment["services__orders-api__http__0"]);
            Assert.Equal(("orders-api", "http"), (upstream.Resource.Name, upstream.EndpointName));
            Assert.Contains(orders.Resource, await instance.GetResourceDependenciesAsync(executionContext, ResourceDependencyDiscoveryMode.DirectOnly));
        }

        Assert.DoesNotContain((await _host.EnvironmentOf(controlPlane.Resource)).Keys, name => name.StartsWith("KONNECTASPIRE_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrations_get_the_same_database_settings_as_the_control_plane()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong").Resource;

        var control = await _host.EnvironmentOf(controlPlane);
        var migrations = await _host.EnvironmentOf(_host.Resource<ContainerResource>("kong-migrations"));

        foreach (var name in new[] { "KONG_DATABASE", "KONG_PG_HOST", "KONG_PG_PORT", "KONG_PG_USER", "KONG_PG_PASSWORD", "KONG_PG_DATABASE" })
        {
            Assert.Equal(Describe(control[name]), Describe(migrations[name]));
        }

        Assert.DoesNotContain("KONG_CLUSTER_CERT_KEY", migrations.Keys);
    }

    [Fact]
    public async Task Control_plane_gets_the_cluster_certificate_as_one_line_base64_PEM_values()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong").Resource;

        var environment = await _host.EnvironmentOf(controlPlane);

        var certificate = KongTestAppHost.DecodePem(environment["KONG_CLUSTER_CERT"]);
        var key = KongTestAppHost.DecodePem(environment["KONG_CLUSTER_CERT_KEY"]);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", certificate, StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", key, StringComparison.Ordinal);
        var pair = KonnectAspire.Konnect.Certificates.ClusterCertificate.FromPem(certificate, key);
        Assert.Equal(1095, (pair.NotAfter - pair.NotBefore).TotalDays);
    }

    [Fact]
    public async Task Cluster_certificate_is_kept_in_the_configured_folder_not_the_AppHost_folder()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong").Resource;

        var environment = await _host.EnvironmentOf(controlPlane);

        var stored = Directory.GetFiles(_host.CertificateDirectory, "cluster.key", SearchOption.AllDirectories);
        Assert.Equal(KongTestAppHost.DecodePem(environment["KONG_CLUSTER_CERT_KEY"]), File.ReadAllText(Assert.Single(stored)));
        Assert.False(Directory.Exists(_host.ProjectDirectory) && Directory.EnumerateFiles(_host.ProjectDirectory, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task Cluster_certificate_is_reused_by_the_next_run_of_the_same_AppHost()
    {
        var first = await _host.EnvironmentOf(_host.Builder.AddKongControlPlane("kong").Resource);
        using var nextRun = _host.NextRun();

        var second = await nextRun.EnvironmentOf(nextRun.Builder.AddKongControlPlane("kong").Resource);

        Assert.Equal(first["KONG_CLUSTER_CERT"], second["KONG_CLUSTER_CERT"]);
        Assert.Equal(first["KONG_CLUSTER_CERT_KEY"], second["KONG_CLUSTER_CERT_KEY"]);
    }

    [Fact]
    public void Control_plane_name_is_required()
        => Assert.Throws<ArgumentException>(() => _host.Builder.AddKongControlPlane(string.Empty));

    private static string ValueExpression(object value) => Assert.IsAssignableFrom<IManifestExpressionProvider>(value).ValueExpression;

    private static string Describe(object value) => value is IManifestExpressionProvider expression ? expression.ValueExpression : $"{value}";
}
