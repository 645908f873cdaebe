using Aspire.Hosting.Eventing;
using Aspire.Hosting.Kong.GatewayConfig;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectAspire.Hosting.Tests;

public sealed class KongDashboardTests : IDisposable
{
    private readonly KongTestAppHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Control_plane_links_the_Admin_API_and_Kong_Manager_and_keeps_status_in_the_details()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong").Resource;
        Allocate(controlPlane, ("admin", 41001), ("manager", 41002), ("status", 41100));

        var urls = await UrlsOf(controlPlane);

        Assert.Equal(("http://localhost:41001", UrlDisplayLocation.SummaryAndDetails), (urls["Admin API"].Url, urls["Admin API"].DisplayLocation));
        Assert.Equal(("http://localhost:41002", UrlDisplayLocation.SummaryAndDetails), (urls["Kong Manager"].Url, urls["Kong Manager"].DisplayLocation));
        Assert.Equal(("http://localhost:41100/status", UrlDisplayLocation.DetailsOnly), (urls["status"].Url, urls["status"].DisplayLocation));
    }

    [Fact]
    public async Task Each_data_plane_instance_links_its_proxy_and_keeps_status_in_the_details()
    {
        var group = _host.Builder.AddKongDataPlane("kong-dp", _host.Builder.AddKongControlPlane("kong"), instances: 2).Resource;

        foreach (var (instance, index) in group.InstanceResources.Select((instance, index) => (instance, index)))
        {
            Allocate(instance, ("proxy", 18000 + index), ("status", 18100 + index));

            var urls = await UrlsOf(instance);

            Assert.Equal(($"http://localhost:{18000 + index}", UrlDisplayLocation.SummaryAndDetails), (urls["proxy"].Url, urls["proxy"].DisplayLocation));
            Assert.Equal(($"http://localhost:{18100 + index}/status", UrlDisplayLocation.DetailsOnly), (urls["status"].Url, urls["status"].DisplayLocation));
        }
    }

    [Fact]
    public async Task Kong_Manager_listens_on_the_manager_endpoint_and_calls_the_Admin_API_at_its_host_address()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong").Resource;
        // As DCP allocates them: a proxied port on the host, and the container's own address in the container network.
        foreach (var (name, hostPort, targetPort) in new[] { ("admin", 41001, 8001), ("manager", 41002, 8002) })
        {
            var endpoint = Allocate(controlPlane, (name, hostPort)).Single();
            endpoint.AllAllocatedEndpoints.AddOrUpdateAllocatedEndpoint(
                KnownNetworkIdentifiers.DefaultAspireContainerNetwork,
                new AllocatedEndpoint(endpoint, "kong.dev.internal", targetPort, EndpointBindingMode.SingleAddress, null, KnownNetworkIdentifiers.DefaultAspireContainerNetwork));
        }

        var environment = await _host.EnvironmentOf(controlPlane);

        Assert.Equal("0.0.0.0:{kong.bindings.manager.targetPort}", Assert.IsAssignableFrom<IManifestExpressionProvider>(environment["KONG_ADMIN_GUI_LISTEN"]).ValueExpression);
        Assert.Equal("http://localhost:41002", await ResolveInContainer(controlPlane, environment["KONG_ADMIN_GUI_URL"]));
        Assert.Equal("http://localhost:41001", await ResolveInContainer(controlPlane, environment["KONG_ADMIN_GUI_API_URL"]));
        Assert.Equal("http://kong.dev.internal:8001", await ResolveInContainer(controlPlane, controlPlane.AdminEndpoint));
    }

    [Fact]
    public async Task Control_plane_shows_its_role_and_the_pinned_Kong_version()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong").Resource;

        var properties = await InitializeAsync(controlPlane);

        Assert.Equal(("control_plane", "Kong role"), properties[KongSnapshotProperties.Role]);
        Assert.Equal(("3.9.3", "Kong version"), properties[KongSnapshotProperties.Version]);
    }

    [Fact]
    public async Task Data_planes_show_their_role_version_and_control_plane()
    {
        var group = _host.Builder.AddKongDataPlane("kong-dp", _host.Builder.AddKongControlPlane("kong"), instances: 1).Resource;

        var properties = await InitializeAsync(group.InstanceResources[0]);

        Assert.Equal(("data_plane", "Kong role"), properties[KongSnapshotProperties.Role]);
        Assert.Equal(("3.9.3", "Kong version"), properties[KongSnapshotProperties.Version]);
        Assert.Equal(("kong", "Control plane"), properties[KongSnapshotProperties.ControlPlane]);
    }

    [Fact]
    public async Task Enterprise_data_planes_show_the_Kong_Gateway_version()
    {
        var controlPlane = _host.Builder.AddResource(new EnterpriseControlPlane("konnect"));
        var group = _host.Builder.AddKongDataPlane("kong-dp", controlPlane, instances: 1).Resource;

        var properties = await InitializeAsync(group.InstanceResources[0]);

        Assert.Equal("3.10.0.1", properties[KongSnapshotProperties.Version].Value);
    }

    [Fact]
    public async Task Group_shows_the_control_plane_address_and_the_proxy_of_each_instance_once_they_start()
    {
        var group = _host.Builder.AddKongDataPlane("kong-dp", _host.Builder.AddKongControlPlane("kong"), instances: 2).Resource;
        var notifications = _host.App.ResourceNotifications;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Publish(new InitializeResourceEvent(group, Eventing, Loggers, notifications, _host.App.Services), stop.Token);

        // What DCP publishes once it has created the containers: their environment and their URLs.
        foreach (var (instance, index) in group.InstanceResources.Select((instance, index) => (instance, index)))
        {
            await notifications.PublishUpdateAsync(instance, snapshot => snapshot with
            {
                EnvironmentVariables = [new EnvironmentVariableSnapshot("KONG_CLUSTER_CONTROL_PLANE", "kong.dev.internal:8005", IsFromSpec: true)],
                Urls = [new UrlSnapshot("proxy", $"http://localhost:{18000 + index}", IsInternal: false), new UrlSnapshot("status", "http://localhost:1/status", IsInternal: false)],
            });
        }

        var groupState = await notifications.WaitForResourceAsync(group.Name, update => update.Snapshot.Urls.Length == 2 && HasAddress(update.Snapshot), stop.Token);
        var instanceState = await notifications.WaitForResourceAsync(group.InstanceResources[1].Name, update => HasAddress(update.Snapshot), stop.Token);
        await stop.CancelAsync();

        Assert.Equal(
            [("kong-dp-1 proxy", "http://localhost:18000"), ("kong-dp-2 proxy", "http://localhost:18001")],
            groupState.Snapshot.Urls.OrderBy(url => url.DisplayProperties.SortOrder).Select(url => (url.DisplayProperties.DisplayName, url.Url)));
        Assert.Equal("kong.dev.internal:8005", Property(groupState.Snapshot, KongSnapshotProperties.ControlPlaneAddress).Value);
        Assert.Equal(("kong.dev.internal:8005", "Control plane address"), Property(instanceState.Snapshot, KongSnapshotProperties.ControlPlaneAddress));
    }

    private IDistributedApplicationEventing Eventing => _host.App.Services.GetRequiredService<IDistributedApplicationEventing>();

    private ResourceLoggerService Loggers => _host.App.Services.GetRequiredService<ResourceLoggerService>();

    private static bool HasAddress(CustomResourceSnapshot snapshot)
        => snapshot.Properties.Any(property => property.Name == KongSnapshotProperties.ControlPlaneAddress);

    private static (object? Value, string? DisplayName) Property(CustomResourceSnapshot snapshot, string name)
    {
        var property = Assert.Single(snapshot.Properties, property => property.Name == name);
        return (property.Value, property.DisplayName);
    }

    /// <summary>Raises the event the orchestrator raises when the app starts, without waiting for its subscribers (some follow other resources until stopped).</summary>
    private Task Publish(InitializeResourceEvent initialize, CancellationToken cancellationToken)
        => Eventing.PublishAsync(initialize, EventDispatchBehavior.NonBlockingConcurrent, cancellationToken);

    private async Task<Dictionary<string, (object? Value, string? DisplayName)>> InitializeAsync(IResource resource)
    {
        var notifications = _host.App.ResourceNotifications;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Publish(new InitializeResourceEvent(resource, Eventing, Loggers, notifications, _host.App.Services), stop.Token);
        var state = await notifications.WaitForResourceAsync(
            resource.Name,
            update => update.Snapshot.Properties.Any(property => property.Name == KongSnapshotProperties.Role),
            stop.Token);
        return state.Snapshot.Properties.ToDictionary(property => property.Name, property => (property.Value, property.DisplayName));
    }

    private static List<EndpointAnnotation> Allocate(IResourceWithEndpoints resource, params (string Name, int Port)[] endpoints)
    {
        var annotations = new List<EndpointAnnotation>();
        foreach (var (name, port) in endpoints)
        {
            var annotation = resource.Annotations.OfType<EndpointAnnotation>().Single(endpoint => endpoint.Name == name);
            annotation.AllocatedEndpoint = new AllocatedEndpoint(annotation, "localhost", port);
            annotations.Add(annotation);
        }

        return annotations;
    }

    /// <summary>The URLs as the orchestrator gives them to the dashboard: one per allocated http endpoint, then the resource's URL callbacks.</summary>
    private async Task<Dictionary<string, ResourceUrlAnnotation>> UrlsOf(IResourceWithEndpoints resource)
    {
        var urls = resource.Annotations.OfType<EndpointAnnotation>()
            .Where(endpoint => endpoint.AllocatedEndpoint is not null && endpoint.UriScheme.StartsWith("http", StringComparison.Ordinal))
            .Select(endpoint => new ResourceUrlAnnotation { Url = endpoint.AllocatedEndpoint!.UriString, Endpoint = resource.GetEndpoint(endpoint.Name) })
            .ToList();
        var context = new ResourceUrlsCallbackContext(_host.App.Services.GetRequiredService<DistributedApplicationExecutionContext>(), resource, urls, CancellationToken.None);
        foreach (var callback in resource.Annotations.OfType<ResourceUrlsCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return urls.ToDictionary(url => url.DisplayText ?? url.Endpoint!.EndpointName);
    }

    // Container environments are resolved in the container network; an endpoint pinned to the host network still gives the host address.
    private async Task<string?> ResolveInContainer(IResource container, object value)
        => await Assert.IsAssignableFrom<IValueProvider>(value).GetValueAsync(new ValueProviderContext
        {
            Caller = container,
            Network = KnownNetworkIdentifiers.DefaultAspireContainerNetwork,
            ExecutionContext = _host.App.Services.GetRequiredService<DistributedApplicationExecutionContext>(),
        });
}
