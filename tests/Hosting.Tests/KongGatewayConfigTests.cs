using System.Text.Json.Nodes;
using Aspire.Hosting.Kong.GatewayConfig;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectAspire.Hosting.Tests;

public sealed class KongGatewayConfigTests : IDisposable
{
    private readonly KongTestAppHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void A_route_is_named_after_its_upstream_and_targets_its_http_endpoint()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");
        var orders = _host.AddOrdersApi();

        controlPlane.WithRoute("/orders", orders);

        var route = Assert.Single(controlPlane.Resource.Annotations.OfType<KongRouteAnnotation>());
        Assert.Equal(("orders-api", "/orders", true), (route.Name, route.Path, route.StripPath));
        Assert.Same(orders.Resource, route.Upstream.Resource);
        Assert.Equal("http", route.Upstream.EndpointName);
    }

    [Fact]
    public void A_route_takes_a_name_and_keeps_the_path_when_asked()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        controlPlane.WithRoute("/orders", _host.AddOrdersApi(), name: "orders", stripPath: false);

        var route = Assert.Single(controlPlane.Resource.Annotations.OfType<KongRouteAnnotation>());
        Assert.Equal(("orders", false), (route.Name, route.StripPath));
    }

    [Fact]
    public void A_route_prefers_the_http_endpoint_of_a_resource_that_also_has_https()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");
        var api = _host.Builder.AddContainer("api", "example/api", "1.0")
            .WithHttpsEndpoint(targetPort: 8443)
            .WithHttpEndpoint(targetPort: 8080);

        controlPlane.WithRoute("/api", api);

        Assert.Equal("http", Assert.Single(controlPlane.Resource.Annotations.OfType<KongRouteAnnotation>()).Upstream.EndpointName);
    }

    [Fact]
    public void A_route_can_target_a_named_endpoint()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");
        var api = _host.Builder.AddContainer("api", "example/api", "1.0").WithHttpEndpoint(targetPort: 9090, name: "admin");

        controlPlane.WithRoute("/admin", api.GetEndpoint("admin"), name: "api-admin");

        var route = Assert.Single(controlPlane.Resource.Annotations.OfType<KongRouteAnnotation>());
        Assert.Equal(("api-admin", "admin"), (route.Name, route.Upstream.EndpointName));
    }

    [Fact]
    public void A_route_to_a_resource_without_an_HTTP_endpoint_is_refused_naming_the_fix()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");
        var cache = _host.Builder.AddContainer("cache", "redis", "7.4").WithEndpoint(targetPort: 6379, name: "tcp", scheme: "tcp");

        var error = Assert.Throws<ArgumentException>(() => controlPlane.WithRoute("/cache", cache));

        Assert.Contains("targets 'cache', which has no http or https endpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("WithHttpEndpoint", error.Message, StringComparison.Ordinal);
        Assert.Empty(controlPlane.Resource.Annotations.OfType<KongRouteAnnotation>());
    }

    [Fact]
    public void A_route_to_a_non_HTTP_endpoint_is_refused()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");
        var cache = _host.Builder.AddContainer("cache", "redis", "7.4").WithEndpoint(targetPort: 6379, name: "tcp", scheme: "tcp");

        var error = Assert.Throws<ArgumentException>(() => controlPlane.WithRoute("/cache", cache.GetEndpoint("tcp")));

        Assert.Contains("whose scheme is 'tcp'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plugins_are_recorded_globally_or_per_route_or_service()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong")
            .WithRoute("/orders", _host.AddOrdersApi(), name: "orders");

        controlPlane
            .WithPlugin("correlation-id")
            .WithPlugin("rate-limiting", new JsonObject { ["minute"] = 60 }, route: "orders")
            .WithPlugin("key-auth", service: "orders");

        var plugins = controlPlane.Resource.Annotations.OfType<KongPluginAnnotation>().Select(plugin => (plugin.Name, plugin.Route, plugin.Service)).ToList();
        Assert.Equal([("correlation-id", null, null), ("rate-limiting", "orders", null), ("key-auth", null, "orders")], plugins);
    }

    [Fact]
    public void A_decK_file_is_recorded_relative_to_the_AppHost_folder()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        controlPlane.WithDeclarativeConfig("kong.yaml");

        Assert.Equal(
            Path.Combine(_host.ProjectDirectory, "kong.yaml"),
            Assert.Single(controlPlane.Resource.Annotations.OfType<KongDeclarativeConfigAnnotation>()).Path);
    }

    [Fact]
    public void Build_turns_each_route_into_a_service_at_the_given_address_and_a_route()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong")
            .WithRoute("/orders", _host.AddOrdersApi(), name: "orders", stripPath: false);

        var configuration = KongGatewayConfigurationBuilder.Build(controlPlane.Resource, _ => new Uri("http://orders-api.dev.internal:8080"));

        var service = Assert.Single(configuration.Services);
        Assert.Equal(("orders", "http", "orders-api.dev.internal", 8080, (string?)null), (service.Name, service.Protocol, service.Host, service.Port, service.Path));
        var route = Assert.Single(configuration.Routes);
        Assert.Equal(("orders", "orders", false), (route.Name, route.Service, route.StripPath));
        Assert.Equal(["/orders"], route.Paths);
    }

    [Fact]
    public void Build_keeps_a_base_path_of_the_upstream_address()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong").WithRoute("/orders", _host.AddOrdersApi());

        var configuration = KongGatewayConfigurationBuilder.Build(controlPlane.Resource, _ => new Uri("https://host.docker.internal:7001/v2"));

        var service = Assert.Single(configuration.Services);
        Assert.Equal(("https", "host.docker.internal", 7001, "/v2"), (service.Protocol, service.Host, service.Port, service.Path));
    }

    [Fact]
    public void Build_gives_the_model_its_own_copy_of_each_plugin_config()
    {
        var config = new JsonObject { ["minute"] = 60 };
        var controlPlane = _host.Builder.AddKongControlPlane("kong").WithPlugin("rate-limiting", config);

        var first = KongGatewayConfigurationBuilder.Build(controlPlane.Resource, Unused);
        first.Plugins[0].Config["minute"] = 1;
        var second = KongGatewayConfigurationBuilder.Build(controlPlane.Resource, Unused);

        Assert.Equal(60, (int)second.Plugins[0].Config["minute"]!);
        Assert.Equal(60, (int)config["minute"]!);
    }

    [Fact]
    public async Task BuildAsync_computes_late_bound_plugin_configs()
    {
        KongPluginConfigContext? seen = null;
        var controlPlane = _host.Builder.AddKongControlPlane("kong")
            .WithPlugin("correlation-id")
            .WithPlugin("opentelemetry", (context, _) =>
            {
                seen = context;
                return ValueTask.FromResult(new JsonObject { ["traces_endpoint"] = "http://collector:4318/v1/traces" });
            });
        var executionContext = _host.App.Services.GetRequiredService<DistributedApplicationExecutionContext>();

        var configuration = await KongGatewayConfigurationBuilder.BuildAsync(controlPlane.Resource, Unused, executionContext, CancellationToken.None);

        Assert.Equal(["correlation-id", "opentelemetry"], configuration.Plugins.Select(plugin => plugin.Name));
        Assert.Equal("http://collector:4318/v1/traces", (string?)configuration.Plugins[1].Config["traces_endpoint"]);
        Assert.Same(controlPlane.Resource, seen?.ControlPlane);
        Assert.Same(executionContext, seen?.ExecutionContext);
    }

    [Fact]
    public void Build_merges_the_services_routes_and_plugins_of_a_decK_file()
    {
        Directory.CreateDirectory(_host.ProjectDirectory);
        File.WriteAllText(Path.Combine(_host.ProjectDirectory, "kong.yaml"), """
            _format_version: "3.0"
            services:
              - name: legacy
                host: legacy.example
                port: 80
                routes:
                  - name: legacy
                    paths: [/legacy]
            plugins:
              - name: cors
            """);
        var controlPlane = _host.Builder.AddKongControlPlane("kong")
            .WithRoute("/orders", _host.AddOrdersApi(), name: "orders")
            .WithDeclarativeConfig("kong.yaml");

        var configuration = KongGatewayConfigurationBuilder.Build(controlPlane.Resource, _ => new Uri("http://orders-api:8080"));

        Assert.Equal(["orders", "legacy"], configuration.Services.Select(service => service.Name));
        Assert.Equal(["orders", "legacy"], configuration.Routes.Select(route => route.Name));
        Assert.Equal(["cors"], configuration.Plugins.Select(plugin => plugin.Name));
    }

    [Fact]
    public void Summary_names_what_a_sync_changed()
    {
        var result = new KonnectAspire.Konnect.Sync.GatewaySyncResult
        {
            Created = ["service orders", "route orders"],
            Deleted = ["plugin cors"],
            Unchanged = ["plugin rate-limiting"],
        };

        Assert.Equal("created service orders, route orders; deleted plugin cors; 1 unchanged", KongGatewayConfigSync.Summarize(result));
        Assert.Equal("no changes (1 entities already as desired)", KongGatewayConfigSync.Summarize(new() { Unchanged = ["route orders"] }));
    }

    private static Uri Unused(EndpointReference endpoint) => throw new InvalidOperationException($"no route expected, got {endpoint.Resource.Name}");
}
