using System.Text.Json.Nodes;
using Aspire.Hosting.ApplicationModel;
using KonnectAspire.Konnect.Gateway;
using KonnectAspire.Konnect.Gateway.Ai;

namespace Aspire.Hosting.Kong.GatewayConfig;

/// <summary>Turns the routes, plugins and decK files recorded on a control plane into the gateway model.</summary>
internal static class KongGatewayConfigurationBuilder
{
    /// <summary>
    /// The gateway model of <paramref name="controlPlane"/>; <paramref name="upstreamAddress"/> says how the data planes
    /// reach an endpoint (a container-reachable URL locally, a cluster Service DNS name when published).
    /// </summary>
    /// <remarks>
    /// Plugins recorded with a late-bound config provider get their static <see cref="KongPluginAnnotation.Config"/>
    /// here; <see cref="BuildAsync"/> computes them.
    /// </remarks>
    /// <exception cref="DistributedApplicationException">A decK file is missing or does not parse; the message names the file.</exception>
    public static GatewayConfiguration Build(IKongControlPlaneResource controlPlane, Func<EndpointReference, Uri> upstreamAddress)
    {
        ArgumentNullException.ThrowIfNull(controlPlane);
        ArgumentNullException.ThrowIfNull(upstreamAddress);

        var services = new List<GatewayService>();
        var routes = new List<GatewayRoute>();
        var plugins = new List<GatewayPlugin>();

        foreach (var route in controlPlane.Annotations.OfType<KongRouteAnnotation>())
        {
            var address = upstreamAddress(route.Upstream);
            services.Add(new GatewayService
            {
                Name = route.Name,
                Protocol = address.Scheme,
                Host = address.Host,
                Port = address.Port,
                Path = address.AbsolutePath == "/" ? null : address.AbsolutePath,
            });
            routes.Add(new GatewayRoute { Name = route.Name, Service = route.Name, Paths = [route.Path], StripPath = route.StripPath });
        }

        // LLM routes to a provider have no Aspire endpoint: their service names the provider's API, and ai-proxy
        // sets the real target of each call. Routes served by the stand-in are ordinary routes, above.
        foreach (var llmRoute in controlPlane.Annotations.OfType<KongLlmRouteAnnotation>().Where(route => route.StandIn is null))
        {
            var address = LlmProviders.ApiBaseAddress(llmRoute.Model.Provider, llmRoute.Model.AwsRegion);
            services.Add(new GatewayService { Name = llmRoute.Name, Protocol = address.Scheme, Host = address.Host, Port = address.Port });
            routes.Add(new GatewayRoute { Name = llmRoute.Name, Service = llmRoute.Name, Paths = [llmRoute.Path] });
        }

        foreach (var plugin in controlPlane.Annotations.OfType<KongPluginAnnotation>())
        {
            plugins.Add(ToGatewayPlugin(plugin, plugin.Config));
        }

        foreach (var file in controlPlane.Annotations.OfType<KongDeclarativeConfigAnnotation>())
        {
            var deck = ReadDeckFile(controlPlane, file.Path);
            services.AddRange(deck.Services);
            routes.AddRange(deck.Routes);
            plugins.AddRange(deck.Plugins);
        }

        return new GatewayConfiguration { Services = services, Routes = routes, Plugins = plugins };
    }

    /// <summary>As <see cref="Build"/>, with the late-bound plugin configs computed for <paramref name="executionContext"/>.</summary>
    public static async Task<GatewayConfiguration> BuildAsync(
        IKongControlPlaneResource controlPlane,
        Func<EndpointReference, Uri> upstreamAddress,
        DistributedApplicationExecutionContext executionContext,
        CancellationToken cancellationToken)
    {
        var configuration = Build(controlPlane, upstreamAddress);
        var context = new KongPluginConfigContext(controlPlane, executionContext) { UpstreamAddress = upstreamAddress };
        var recorded = controlPlane.Annotations.OfType<KongPluginAnnotation>().ToList();
        for (var index = 0; index < recorded.Count; index++)
        {
            if (recorded[index].ConfigProvider is { } provider)
            {
                // C# plugins come first in the model, in annotation order, so the index matches.
                var config = await provider(context, cancellationToken).ConfigureAwait(false);
                configuration.Plugins[index] = ToGatewayPlugin(recorded[index], config);
            }
        }

        return configuration;
    }

    /// <summary>
    /// Every reason the gateway config of <paramref name="controlPlane"/> would be refused, each naming the entity and
    /// the fix: decK files that do not parse, route paths Kong rejects, duplicate names and paths, dangling references,
    /// and Enterprise-only plugins on an open-source control plane.
    /// </summary>
    public static IReadOnlyList<string> FindProblems(IKongControlPlaneResource controlPlane)
    {
        GatewayConfiguration configuration;
        try
        {
            configuration = Build(controlPlane, PlaceholderAddress);
        }
        catch (DistributedApplicationException ex)
        {
            return [ex.Message];
        }

        var problems = GatewayConfigurationValidator.Validate(configuration).ToList();

        var enterprise = controlPlane.Edition != KongEdition.OpenSource;
        problems.AddRange(GatewayConfigurationValidator
            .FindUnbundledPlugins(configuration, enterprise, enterprise ? "Kong Enterprise" : $"Kong {KongContainerImageTags.Tag} (open source)")
            .Select(problem => $"Control plane '{controlPlane.Name}': {problem}"));

        problems.AddRange(GatewayConfigurationValidator
            .FindPluginConfigProblems(configuration, openSourceOnly: !enterprise)
            .Select(problem => $"Control plane '{controlPlane.Name}': {problem}"));

        if (controlPlane.Edition == KongEdition.OpenSource)
        {
            foreach (var plugin in configuration.Plugins.Where(plugin => KongPluginCatalog.IsEnterpriseOnly(plugin.Name)).DistinctBy(plugin => plugin.Name))
            {
                problems.Add(
                    $"Plugin '{plugin.Name}' exists only in Kong Enterprise, but control plane '{controlPlane.Name}' runs open-source Kong " +
                    $"{KongContainerImageTags.Tag}; remove the plugin, or use Konnect mode (a Konnect control plane, whose data planes run Kong Enterprise).");
            }
        }

        return problems;
    }

    // Checking the model needs an address for each upstream before any endpoint is allocated; only its shape matters.
    private static Uri PlaceholderAddress(EndpointReference endpoint)
        => new($"{(endpoint.Exists ? endpoint.Scheme : "http")}://{endpoint.Resource.Name}");

    private static GatewayPlugin ToGatewayPlugin(KongPluginAnnotation plugin, JsonObject config) => new()
    {
        Name = plugin.Name,
        Route = plugin.Route,
        Service = plugin.Service,
        // A JsonObject has one parent; the model gets its own copy so the annotation can be built again.
        Config = (JsonObject)config.DeepClone(),
    };

    private static GatewayConfiguration ReadDeckFile(IKongControlPlaneResource controlPlane, string path)
    {
        string yaml;
        try
        {
            yaml = DeckFile.ReadFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new DistributedApplicationException(
                $"The decK file '{path}' of control plane '{controlPlane.Name}' cannot be read ({ex.Message}); check the path given to WithDeclarativeConfig, relative to the AppHost project folder.",
                ex);
        }

        try
        {
            return DeckFile.Parse(yaml);
        }
        catch (FormatException ex)
        {
            throw new DistributedApplicationException(
                $"The decK file '{path}' of control plane '{controlPlane.Name}' is not valid: {ex.Message}",
                ex);
        }
    }
}
