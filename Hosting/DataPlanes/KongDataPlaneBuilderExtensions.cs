using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Kong;
using Aspire.Hosting.Kong.ControlPlanes;
using Aspire.Hosting.Kong.DataPlanes;
using Aspire.Hosting.Kong.GatewayConfig;
using Aspire.Hosting.Kong.Telemetry;
using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting;

/// <summary>Adds Kong data planes, connected to a control plane, to the application model.</summary>
public static class KongDataPlaneBuilderExtensions
{
    /// <summary>The most data-plane instances <see cref="AddKongDataPlane"/> runs locally.</summary>
    public const int MaxLocalInstances = 16;

    /// <summary>
    /// Adds a group of Kong data planes (role <c>data_plane</c>, database off) connected to
    /// <paramref name="controlPlane"/>. Locally it runs <paramref name="instances"/> containers named
    /// <c>{name}-1</c> … <c>{name}-N</c>, each with its own proxy endpoint (<c>proxy</c>, 8000) on the dashboard and
    /// a status endpoint (<c>status</c>, 8100) whose <c>/status/ready</c> is its health check; the group shows how many
    /// are ready. Published, the group becomes one workload.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource name of the group.</param>
    /// <param name="controlPlane">The control plane the data planes connect to, by its cluster endpoint.</param>
    /// <param name="instances">How many local instances run; at least 1.</param>
    /// <param name="proxyPort">
    /// A fixed host port for the first instance's proxy (the next instances take the following ports), so the URL to
    /// curl stays the same across runs; a random port each run when null.
    /// </param>
    /// <returns>The data plane group builder.</returns>
    /// <remarks>
    /// A data plane's <c>/status/ready</c> answers 503 until the control plane has sent it a non-empty config, so the
    /// instances turn healthy once at least one route is synced.
    /// <code>
    /// var controlPlane = builder.AddKongControlPlane("kong");
    /// builder.AddKongDataPlane("kong-dp", controlPlane, instances: 2, proxyPort: 8000);
    /// </code>
    /// </remarks>
    public static IResourceBuilder<KongDataPlaneResource> AddKongDataPlane(
        this IDistributedApplicationBuilder builder,
        [ResourceName] string name,
        IResourceBuilder<IKongControlPlaneResource> controlPlane,
        int instances = 2,
        int? proxyPort = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(controlPlane);
        KongModelErrors.Register();
        if (instances < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(instances),
                instances,
                $"Data plane '{name}' needs at least 1 instance, got {instances}; pass instances: 1 or more to AddKongDataPlane.");
        }

        // Each local instance is a container with its own ports; more than this is a typo, not a laptop's gateway.
        if (instances > MaxLocalInstances)
        {
            throw new ArgumentOutOfRangeException(
                nameof(instances),
                instances,
                $"Data plane '{name}' asks for {instances} local instances; at most {MaxLocalInstances} run on one machine. Pass instances: 1 to {MaxLocalInstances} "
                + "(on EKS the replicas come from the autoscaler: PublishAsEksDataPlane's MinReplicas and MaxReplicas).");
        }

        if (proxyPort is { } first && (first < 1 || first + instances - 1 > 65535))
        {
            throw new ArgumentOutOfRangeException(
                nameof(proxyPort),
                proxyPort,
                $"Data plane '{name}' would bind proxy ports {first} to {first + instances - 1}; ports are 1 to 65535. Pass a proxyPort from 1 to {65536 - instances}, or none for ports Aspire picks.");
        }

        builder.Services.TryAddEventingSubscriber<KongGatewayConfigurationCheck>();
        builder.Services.TryAddEventingSubscriber<KongOpenTelemetrySubscriber>();
        var group = builder.AddResource(new KongDataPlaneResource(name, controlPlane.Resource, instances))
            .WithIconName("ArrowRouting")
            .ExcludeFromManifest()
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "KongDataPlane",
                State = KnownResourceStates.NotStarted,
                Properties =
                [
                    new(CustomResourceKnownProperties.Source, $"{KongImage(controlPlane.Resource.Edition)} × {instances}"),
                    new(KongSnapshotProperties.ControlPlane, controlPlane.Resource.Name),
                    new("kong.instances", instances),
                ],
            });

        if (builder.ExecutionContext.IsPublishMode)
        {
            return group;
        }

        for (var index = 1; index <= instances; index++)
        {
            AddInstance(builder, group.Resource, controlPlane, index, proxyPort + index - 1);
        }

        return group.OnInitializeResource(KongDataPlaneGroupState.TrackAsync).WithDashboard();
    }

    /// <summary>
    /// Gives a service the gateway's address the way Aspire's service discovery reads it: <c>http://{group}</c>
    /// resolves to the proxy of every local instance (<c>services__{group}__http__0</c>, <c>__1</c>, …), and, published,
    /// to the group's proxy Service in the cluster. The dashboard shows the reference.
    /// </summary>
    /// <typeparam name="T">The service's resource type.</typeparam>
    /// <param name="builder">The service that calls routes through Kong.</param>
    /// <param name="dataPlanes">The data plane group.</param>
    /// <returns>The service builder.</returns>
    /// <remarks>
    /// <code>
    /// var dataPlanes = builder.AddKongDataPlane("kong-dp", controlPlane);
    /// builder.AddProject&lt;Projects.Web&gt;("web").WithReference(dataPlanes);   // HttpClient base address http://kong-dp
    /// </code>
    /// </remarks>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<KongDataPlaneResource> dataPlanes)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dataPlanes);
        var group = dataPlanes.Resource;
        return builder
            .WithReferenceRelationship(group)
            .WithEnvironment(context =>
            {
                var endpoints = group.InstanceResources.Count == 0
                    ? [group.ProxyEndpoint]
                    : GatewayInstances(context, group).Select(instance => instance.ProxyEndpoint).ToList();
                for (var index = 0; index < endpoints.Count; index++)
                {
                    context.EnvironmentVariables[$"services__{group.Name}__{KongDataPlaneResource.ProxyEndpointName}__{index}"] = endpoints[index];
                }
            });
    }

    /// <summary>
    /// The local instances still in the model: one taken out (a test running a service alone) never gets an address,
    /// and waiting for it would hold the service back forever.
    /// </summary>
    internal static IEnumerable<KongDataPlaneInstanceResource> GatewayInstances(EnvironmentCallbackContext context, KongDataPlaneResource group)
    {
        var model = context.ExecutionContext.Services.GetRequiredService<DistributedApplicationModel>();
        return group.InstanceResources.Where(model.Resources.Contains);
    }

    private static void AddInstance(
        IDistributedApplicationBuilder builder,
        KongDataPlaneResource group,
        IResourceBuilder<IKongControlPlaneResource> controlPlane,
        int index,
        int? proxyPort)
    {
        var instance = new KongDataPlaneInstanceResource($"{group.Name}-{index}", group);
        group.AddInstance(instance);
        var (image, tag) = KongContainerImageTags.For(controlPlane.Resource.Edition);

        var instanceBuilder = builder.AddResource(instance)
            .WithImage(image, tag)
            .WithImageRegistry(KongContainerImageTags.Registry)
            .WithIconName("ArrowRouting")
            .WithHttpEndpoint(port: proxyPort, targetPort: KongDataPlaneInstanceResource.ProxyPort, name: KongDataPlaneInstanceResource.ProxyEndpointName)
            .WithHttpEndpoint(targetPort: KongDataPlaneInstanceResource.StatusPort, name: KongDataPlaneInstanceResource.StatusEndpointName)
            .WithDashboard()
            .WithHttpHealthCheck(KongEnvironment.ReadyPath, endpointName: KongDataPlaneInstanceResource.StatusEndpointName)
            .WithEnvironment(async context =>
            {
                var environment = context.EnvironmentVariables;
                environment["KONG_ROLE"] = KongEnvironment.DataPlaneRole;
                environment["KONG_DATABASE"] = "off";
                environment["KONG_PROXY_LISTEN"] = KongEnvironment.ListenOn(instance.ProxyEndpoint);
                environment["KONG_STATUS_LISTEN"] = KongEnvironment.ListenOn(instance.StatusEndpoint);
                environment["KONG_ADMIN_LISTEN"] = "off";
                environment["KONG_NODE_ID"] = KongDataPlaneNodeId.For(builder.AppHostDirectory, group.Name, index);
                foreach (var (name, value) in KongDataPlaneSettings.For(group.ControlPlane.Annotations.OfType<KongLlmRouteAnnotation>().Select(r => r.MaxRequestBodySize)))
                {
                    environment[name] = value;
                }

                KongEnvironment.AddLogsToConsole(environment);
                await ConnectToControlPlaneAsync(context, group.ControlPlane).ConfigureAwait(false);
            })
            .WaitFor(controlPlane);
        foreach (var route in controlPlane.Resource.Annotations.OfType<KongRouteAnnotation>())
        {
            instanceBuilder.WithReference(route.Upstream);
        }
    }

    /// <summary>
    /// Makes every local data plane of <paramref name="controlPlane"/> reference <paramref name="upstream"/>, the
    /// endpoint a route sends to, as Yarp's clusters reference theirs: the dashboard shows the data planes calling it,
    /// and Aspire gives them its address in the container network. Routes recorded before the data planes were added
    /// are referenced when the instances are made.
    /// </summary>
    internal static void ReferenceUpstream(IDistributedApplicationBuilder builder, IKongControlPlaneResource controlPlane, EndpointReference upstream)
    {
        var instances = builder.Resources.OfType<KongDataPlaneResource>()
            .Where(group => group.ControlPlane == controlPlane)
            .SelectMany(group => group.InstanceResources);
        foreach (var instance in instances)
        {
            builder.CreateResourceBuilder(instance).WithReference(upstream);
        }
    }

    private static async Task ConnectToControlPlaneAsync(EnvironmentCallbackContext context, IKongControlPlaneResource controlPlane)
    {
        if (!controlPlane.TryGetLastAnnotation<KongDataPlaneConnectionAnnotation>(out var connection))
        {
            throw new DistributedApplicationException(
                $"Control plane '{controlPlane.Name}' does not say how data planes connect to it; create it with AddKongControlPlane (or a Konnect control plane) before adding data planes.");
        }

        await connection.Callback(context).ConfigureAwait(false);
    }

    private static string KongImage(KongEdition edition)
    {
        var (image, tag) = KongContainerImageTags.For(edition);
        return $"{KongContainerImageTags.Registry}/{image}:{tag}";
    }
}
