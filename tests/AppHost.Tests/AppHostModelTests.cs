using Aspire.Hosting.Testing;
using KonnectAspire.TestSupport.Infrastructure;

namespace KonnectAspire.AppHost.Tests;

public sealed class AppHostModelTests : IAsyncLifetime
{
    private readonly TemporaryFolder _certificates = new("konnectaspire-apphost-tests");
    private IDistributedApplicationTestingBuilder _builder = null!;

    public async Task InitializeAsync()
        => _builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>([$"Kong:ClusterCertificateDirectory={_certificates.Path}", AppHostArguments.LocalMode]);

    public Task DisposeAsync()
    {
        _builder.Dispose();
        _certificates.Dispose();

        return Task.CompletedTask;
    }

    [Fact]
    public void Reference_architecture_has_a_control_plane_two_data_planes_and_the_sample_service()
    {
        Assert.IsType<KongControlPlaneResource>(Resource("kong"));
        var dataPlanes = Assert.IsType<KongDataPlaneResource>(Resource("kong-dp"));
        Assert.Same(Resource("kong"), dataPlanes.ControlPlane);
        Assert.Equal(["kong-dp-1", "kong-dp-2"], dataPlanes.InstanceResources.Select(instance => instance.Name));
        Assert.IsType<ProjectResource>(Resource("sample-service"));
        Assert.IsType<PostgresServerResource>(Resource("kong-postgres"));
        Assert.IsType<PostgresDatabaseResource>(Resource("kong-db"));
        Assert.IsType<ContainerResource>(Resource("kong-migrations"));
    }

    [Fact]
    public void Orders_route_forwards_to_the_sample_service_unchanged()
    {
        var route = Assert.Single(Resource("kong").Annotations.OfType<KongRouteAnnotation>(), route => route.Name == "orders");

        Assert.Equal(("orders", "/orders", false), (route.Name, route.Path, route.StripPath));
        Assert.Same(Resource("sample-service"), route.Upstream.Resource);
        Assert.Equal("http", route.Upstream.EndpointName);
    }

    [Fact]
    public void Orders_route_is_rate_limited()
    {
        var plugin = Assert.Single(Resource("kong").Annotations.OfType<KongPluginAnnotation>(), plugin => plugin.Route == "orders");

        Assert.Equal(("rate-limiting", "orders"), (plugin.Name, plugin.Route));
        Assert.Equal(60, (int)plugin.Config["minute"]!);
        Assert.Equal("local", (string?)plugin.Config["policy"]);
    }

    [Fact]
    public void Startup_order_is_database_then_migrations_then_control_plane_then_data_planes()
    {
        Assert.Contains(("kong-db", WaitType.WaitUntilHealthy), Waits("kong-migrations"));
        Assert.Contains(("kong-migrations", WaitType.WaitForCompletion), Waits("kong"));
        Assert.Equal([("kong", WaitType.WaitUntilHealthy)], Waits("kong-dp-1"));
        Assert.Equal([("kong", WaitType.WaitUntilHealthy)], Waits("kong-dp-2"));
        Assert.Empty(Waits("sample-service"));
    }

    [Fact]
    public void Data_plane_proxies_listen_on_ports_18000_and_18001()
    {
        var ports = new[] { "kong-dp-1", "kong-dp-2" }
            .Select(name => Resource(name).Annotations.OfType<EndpointAnnotation>().Single(endpoint => endpoint.Name == "proxy").Port);

        Assert.Equal([18000, 18001], ports);
    }

    [Fact]
    public void Sample_service_has_an_http_endpoint_and_a_health_check()
    {
        var sampleService = Resource("sample-service");

        Assert.Contains(sampleService.Annotations.OfType<EndpointAnnotation>(), endpoint => endpoint.Name == "http" && endpoint.UriScheme == "http");
        Assert.Single(sampleService.Annotations.OfType<HealthCheckAnnotation>());
    }

    private IResource Resource(string name) => _builder.Resources.Single(resource => resource.Name == name);

    private List<(string, WaitType)> Waits(string name)
        => [.. Resource(name).Annotations.OfType<WaitAnnotation>().Select(wait => (wait.Resource.Name, wait.WaitType))];
}
