using KonnectAspire.Konnect.Yaml;
using System.Globalization;
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
        var node = new YamlMappingNode
        {
            { "name", YamlJsonConversion.Text(service.Name) },
            { "protocol", YamlJsonConversion.Text(service.Protocol) },
            { "host", YamlJsonConversion.Text(service.Host) },
            { "port", new YamlScalarNode(service.Port.ToString(CultureInfo.InvariantCulture)) },
        };
        if (service.Path is not null)
            node.Add("path", YamlJsonConversion.Text(service.Path));
        AddStrings(node, "tags", service.Tags);
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
        var node = new YamlMappingNode { { "name", YamlJsonConversion.Text(route.Name) } };
        if (includeService)
            node.Add("service", YamlJsonConversion.Text(route.Service));
        AddStrings(node, "paths", route.Paths);
        AddStrings(node, "methods", route.Methods);
        AddStrings(node, "hosts", route.Hosts);
        node.Add("protocols", Strings(route.Protocols));
        node.Add("strip_path", Boolean(route.StripPath));
        node.Add("preserve_host", Boolean(route.PreserveHost));
        AddStrings(node, "tags", route.Tags);
        AddList(node, "plugins", configuration.Plugins
            .Where(plugin => plugin.Route == route.Name && plugin.Service is null)
            .Select(plugin => Plugin(plugin, includeScope: false)));
        return node;
    }

    private static YamlMappingNode Plugin(GatewayPlugin plugin, bool includeScope)
    {
        var node = new YamlMappingNode { { "name", YamlJsonConversion.Text(plugin.Name) } };
        if (includeScope && plugin.Service is not null)
            node.Add("service", YamlJsonConversion.Text(plugin.Service));
        if (includeScope && plugin.Route is not null)
            node.Add("route", YamlJsonConversion.Text(plugin.Route));
        if (plugin.Config.Count > 0)
            node.Add("config", YamlJsonConversion.ToYaml(plugin.Config));
        node.Add("enabled", Boolean(plugin.Enabled));
        AddStrings(node, "tags", plugin.Tags);
        return node;
    }

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

    private static void AddStrings(YamlMappingNode node, string key, ICollection<string> values)
    {
        if (values.Count > 0)
            node.Add(key, Strings(values));
    }

    private static YamlSequenceNode Strings(IEnumerable<string> values)
        => new(values.Select(value => (YamlNode)YamlJsonConversion.Text(value)));

    private static YamlScalarNode Boolean(bool value) => new(value ? "true" : "false");
}
