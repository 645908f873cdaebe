using KonnectAspire.Konnect.Yaml;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace KonnectAspire.Konnect.Gateway;

/// <summary>
/// Writes the gateway model as a decK 3.0 file: routes nested under their service, plugins nested under their
/// service or route, global plugins (and ones scoped to both a service and a route) at the top level.
/// </summary>
internal static class DeckFileWriter
{
    public static string Write(GatewayConfiguration configuration)
    {
        var serviceNames = configuration.Services.Select(service => service.Name).ToHashSet(StringComparer.Ordinal);
        var routeNames = configuration.Routes.Select(route => route.Name).ToHashSet(StringComparer.Ordinal);
        var root = new YamlMappingNode { { "_format_version", YamlJsonConversion.Text(DeckFileReader.FormatVersion) } };

        AddList(root, "services", configuration.Services.Select(service => Service(service, configuration)));
        AddList(root, "routes", configuration.Routes
            .Where(route => !serviceNames.Contains(route.Service))
            .Select(route => Route(route, configuration, includeService: true)));
        AddList(root, "plugins", configuration.Plugins
            .Where(plugin => !IsNestedUnderService(plugin, serviceNames) && !IsNestedUnderRoute(plugin, routeNames))
            .Select(plugin => Plugin(plugin, includeScope: true)));

        return YamlJsonConversion.Write(root);
    }

    private static YamlMappingNode Service(GatewayService service, GatewayConfiguration configuration)
    {
        var node = Mapping(KongEntityJson.ToDeclared(service));
        AddList(node, "routes", configuration.Routes
            .Where(route => route.Service == service.Name)
            .Select(route => Route(route, configuration, includeService: false)));
        AddList(node, "plugins", configuration.Plugins
            .Where(plugin => plugin.Service == service.Name && plugin.Route is null)
            .Select(plugin => Plugin(plugin, includeScope: false)));
        return node;
    }

    private static YamlMappingNode Route(GatewayRoute route, GatewayConfiguration configuration, bool includeService)
    {
        var node = Mapping(KongEntityJson.ToDeclared(route, includeService));
        AddList(node, "plugins", configuration.Plugins
            .Where(plugin => plugin.Route == route.Name && plugin.Service is null)
            .Select(plugin => Plugin(plugin, includeScope: false)));
        return node;
    }

    private static YamlMappingNode Plugin(GatewayPlugin plugin, bool includeScope)
        => Mapping(KongEntityJson.ToDeclared(plugin, includeScope));

    private static YamlMappingNode Mapping(JsonObject declared) => (YamlMappingNode)YamlJsonConversion.ToYaml(declared);

    private static bool IsNestedUnderService(GatewayPlugin plugin, HashSet<string> serviceNames)
        => plugin.Route is null && plugin.Service is not null && serviceNames.Contains(plugin.Service);

    private static bool IsNestedUnderRoute(GatewayPlugin plugin, HashSet<string> routeNames)
        => plugin.Service is null && plugin.Route is not null && routeNames.Contains(plugin.Route);

    private static void AddList(YamlMappingNode node, string key, IEnumerable<YamlNode> items)
    {
        var sequence = new YamlSequenceNode(items);
        if (sequence.Children.Count > 0)
            node.Add(key, sequence);
    }
}
