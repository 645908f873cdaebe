using System.Text.Json.Nodes;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Kong.GatewayConfig;
using Aspire.Hosting.Lifecycle;

namespace Aspire.Hosting;

/// <summary>
/// Gateway config as code on a Kong control plane: routes to resources, plugins and decK files. These methods only
/// record annotations; the config is built, checked before anything starts, and synced once the control plane is healthy.
/// </summary>
public static class KongGatewayConfigBuilderExtensions
{
    /// <summary>
    /// Routes requests whose path starts with <paramref name="path"/> to the HTTP endpoint of <paramref name="upstream"/>
    /// through a Kong service and route, both named <paramref name="name"/>.
    /// </summary>
    /// <typeparam name="T">The control plane type.</typeparam>
    /// <param name="builder">The control plane builder.</param>
    /// <param name="path">The path prefix, starting with '/' (or '~/' for a regex).</param>
    /// <param name="upstream">The resource the route forwards to; it needs an <c>http</c> or <c>https</c> endpoint.</param>
    /// <param name="name">The route and service name; the upstream resource's name when null.</param>
    /// <param name="stripPath">Whether Kong removes <paramref name="path"/> before forwarding (Kong's default, true).</param>
    /// <returns>The control plane builder.</returns>
    /// <remarks>
    /// <code>
    /// controlPlane.WithRoute("/orders", sampleService, stripPath: false);
    /// </code>
    /// </remarks>
    public static IResourceBuilder<T> WithRoute<T>(
        this IResourceBuilder<T> builder,
        string path,
        IResourceBuilder<IResourceWithEndpoints> upstream,
        string? name = null,
        bool stripPath = true)
        where T : IKongControlPlaneResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(upstream);

        var endpoint = HttpEndpointOf(upstream.Resource)
            ?? throw new ArgumentException(
                $"Route '{path}' on '{builder.Resource.Name}' targets '{upstream.Resource.Name}', which has no http or https endpoint; " +
                $"give '{upstream.Resource.Name}' one (WithHttpEndpoint, or an applicationUrl in its launchSettings.json) or pass an EndpointReference.",
                nameof(upstream));
        return builder.WithRoute(path, endpoint, name, stripPath);
    }

    /// <summary>Routes requests whose path starts with <paramref name="path"/> to <paramref name="upstream"/>.</summary>
    /// <typeparam name="T">The control plane type.</typeparam>
    /// <param name="builder">The control plane builder.</param>
    /// <param name="path">The path prefix, starting with '/' (or '~/' for a regex).</param>
    /// <param name="upstream">An <c>http</c> or <c>https</c> endpoint, e.g. <c>api.GetEndpoint("http")</c>.</param>
    /// <param name="name">The route and service name; the endpoint's resource name when null.</param>
    /// <param name="stripPath">Whether Kong removes <paramref name="path"/> before forwarding (Kong's default, true).</param>
    /// <returns>The control plane builder.</returns>
    public static IResourceBuilder<T> WithRoute<T>(
        this IResourceBuilder<T> builder,
        string path,
        EndpointReference upstream,
        string? name = null,
        bool stripPath = true)
        where T : IKongControlPlaneResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(upstream);
        if (name is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
        }

        if (upstream.Exists && !upstream.IsHttp && !upstream.IsHttps)
        {
            throw new ArgumentException(
                $"Route '{path}' on '{builder.Resource.Name}' targets endpoint '{upstream.EndpointName}' of '{upstream.Resource.Name}', whose scheme is '{upstream.Scheme}'; " +
                "Kong routes HTTP here, so pass an http or https endpoint.",
                nameof(upstream));
        }

        RegisterChecks(builder);
        KongDataPlaneBuilderExtensions.ReferenceUpstream(builder.ApplicationBuilder, builder.Resource, upstream);
        return builder.WithAnnotation(new KongRouteAnnotation
        {
            Name = name ?? upstream.Resource.Name,
            Path = path,
            Upstream = upstream,
            StripPath = stripPath,
        });
    }

    /// <summary>
    /// Adds the plugin <paramref name="name"/> with <paramref name="config"/>: globally, or scoped to a route and/or
    /// a service by name (the routes of <c>WithRoute</c> and their services share the route's name).
    /// </summary>
    /// <typeparam name="T">The control plane type.</typeparam>
    /// <param name="builder">The control plane builder.</param>
    /// <param name="name">The plugin name as Kong knows it, e.g. <c>rate-limiting</c>.</param>
    /// <param name="config">The plugin's <c>config</c> object; Kong's defaults when null.</param>
    /// <param name="route">The route name to scope the plugin to, or null.</param>
    /// <param name="service">The service name to scope the plugin to, or null.</param>
    /// <returns>The control plane builder.</returns>
    /// <remarks>
    /// A plugin that exists only in Kong Enterprise is refused on the open-source local control plane before anything starts.
    /// <code>
    /// controlPlane.WithPlugin("rate-limiting", new JsonObject { ["minute"] = 60, ["policy"] = "local" }, route: "orders");
    /// </code>
    /// </remarks>
    public static IResourceBuilder<T> WithPlugin<T>(
        this IResourceBuilder<T> builder,
        string name,
        JsonObject? config = null,
        string? route = null,
        string? service = null)
        where T : IKongControlPlaneResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        RegisterChecks(builder);
        return builder.WithAnnotation(new KongPluginAnnotation { Name = name, Config = config ?? [], Route = route, Service = service });
    }

    /// <summary>
    /// Adds the plugin <paramref name="name"/> with a config computed when it is synced or published, for values only
    /// known then (an allocated endpoint, a secret reference).
    /// </summary>
    /// <typeparam name="T">The control plane type.</typeparam>
    /// <param name="builder">The control plane builder.</param>
    /// <param name="name">The plugin name as Kong knows it.</param>
    /// <param name="configProvider">Computes the plugin's <c>config</c> object.</param>
    /// <param name="route">The route name to scope the plugin to, or null.</param>
    /// <param name="service">The service name to scope the plugin to, or null.</param>
    /// <returns>The control plane builder.</returns>
    public static IResourceBuilder<T> WithPlugin<T>(
        this IResourceBuilder<T> builder,
        string name,
        Func<KongPluginConfigContext, CancellationToken, ValueTask<JsonObject>> configProvider,
        string? route = null,
        string? service = null)
        where T : IKongControlPlaneResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configProvider);

        RegisterChecks(builder);
        return builder.WithAnnotation(new KongPluginAnnotation { Name = name, ConfigProvider = configProvider, Route = route, Service = service });
    }

    /// <summary>
    /// Merges the services, routes and plugins of a decK file (<c>_format_version: "3.0"</c>) into the gateway config,
    /// for what the C# methods do not cover. The file is read when the config is built, not now.
    /// </summary>
    /// <typeparam name="T">The control plane type.</typeparam>
    /// <param name="builder">The control plane builder.</param>
    /// <param name="path">The file path, relative to the AppHost project folder or absolute.</param>
    /// <returns>The control plane builder.</returns>
    public static IResourceBuilder<T> WithDeclarativeConfig<T>(this IResourceBuilder<T> builder, string path)
        where T : IKongControlPlaneResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        RegisterChecks(builder);
        var fullPath = Path.GetFullPath(path, builder.ApplicationBuilder.AppHostDirectory);
        return builder.WithAnnotation(new KongDeclarativeConfigAnnotation(fullPath));
    }

    private static void RegisterChecks<T>(IResourceBuilder<T> builder)
        where T : IKongControlPlaneResource
        => builder.ApplicationBuilder.Services.TryAddEventingSubscriber<KongGatewayConfigurationCheck>();

    private static EndpointReference? HttpEndpointOf(IResourceWithEndpoints resource)
    {
        var endpoints = resource.Annotations.OfType<EndpointAnnotation>().ToList();
        var chosen = endpoints.FirstOrDefault(endpoint => endpoint.Name == "http")
            ?? endpoints.FirstOrDefault(endpoint => endpoint.UriScheme == "http")
            ?? endpoints.FirstOrDefault(endpoint => endpoint.Name == "https")
            ?? endpoints.FirstOrDefault(endpoint => endpoint.UriScheme == "https");
        return chosen is null ? null : resource.GetEndpoint(chosen.Name);
    }
}
