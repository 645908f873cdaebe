using KonnectAspire.Konnect.Yaml;
using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KonnectAspire.Konnect.Gateway;

/// <summary>Reads a decK 3.0 file into the gateway model, refusing anything the model cannot carry.</summary>
internal sealed class DeckFileReader
{
    public const string FormatVersion = "3.0";

    private static readonly string[] TopLevelFields = ["_format_version", "_transform", "_info", "_konnect", "services", "routes", "plugins"];
    private static readonly string[] InfoFields = ["select_tags"];
    private static readonly string[] ServiceFields = ["name", "url", "protocol", "host", "port", "path", "tags", "routes", "plugins"];
    private static readonly string[] RouteFields = ["name", "service", "paths", "methods", "hosts", "protocols", "strip_path", "preserve_host", "tags", "plugins"];
    private static readonly string[] PluginFields = ["name", "service", "route", "config", "enabled", "tags"];

    private readonly List<GatewayService> _services = [];
    private readonly List<GatewayRoute> _routes = [];
    private readonly List<GatewayPlugin> _plugins = [];
    private List<string> _selectTags = [];

    public static GatewayConfiguration Read(string yaml)
    {
        var root = Load(yaml);
        var reader = new DeckFileReader();
        reader.ReadRoot(root);
        return new GatewayConfiguration { Services = reader._services, Routes = reader._routes, Plugins = reader._plugins };
    }

    private static YamlMappingNode Load(string yaml)
    {
        YamlStream stream;
        try
        {
            stream = BoundedYaml.Load(yaml);
        }
        catch (YamlException ex)
        {
            throw new FormatException($"kong.yaml is not valid YAML at line {ex.Start.Line}, column {ex.Start.Column}: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0)
            throw new FormatException($"kong.yaml is empty; start it with _format_version: \"{FormatVersion}\" and list services, routes and plugins.");
        if (stream.Documents.Count > 1)
            throw new FormatException($"kong.yaml holds {stream.Documents.Count} YAML documents (separated by '---'); put everything in one decK document.");
        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw Fail(stream.Documents[0].RootNode, $"the top level of a decK file is a mapping with _format_version: \"{FormatVersion}\", services, routes and plugins");
    }

    private void ReadRoot(YamlMappingNode root)
    {
        var unsupported = root.Children.Keys.OfType<YamlScalarNode>().Where(key => !TopLevelFields.Contains(key.Value)).ToList();
        if (unsupported.Count > 0)
        {
            var found = string.Join(", ", unsupported.Select(key => $"{key.Value} (line {key.Start.Line})"));
            throw new FormatException(
                $"kong.yaml has top-level keys this project does not sync: {found}. It syncs only services, routes and plugins; " +
                "remove those keys, or manage those entities with decK directly, so that nothing is dropped silently.");
        }

        var fields = Fields(root, "decK file", TopLevelFields);
        CheckFormatVersion(root, fields);
        // _transform only affects consumer credentials, which this project does not sync; decK writes it, so accept it.
        if (fields.TryGetValue("_transform", out var transform))
            _ = Boolean(transform, "_transform");

        if (fields.TryGetValue("_info", out var info))
        {
            var infoFields = Fields(Mapping(info, "_info"), "_info", InfoFields);
            if (infoFields.TryGetValue("select_tags", out var selectTags))
                _selectTags = Strings(selectTags, "_info.select_tags");
        }

        // _konnect names the target control plane; the caller chooses the target, so it is not part of the model.
        foreach (var service in Items(fields, "services"))
            ReadService(service);
        foreach (var route in Items(fields, "routes"))
            ReadRoute(route, parentService: null);
        foreach (var plugin in Items(fields, "plugins"))
            ReadPlugin(plugin, parentService: null, parentRoute: null);
    }

    private static void CheckFormatVersion(YamlMappingNode root, Dictionary<string, YamlNode> fields)
    {
        if (!fields.TryGetValue("_format_version", out var version))
            throw Fail(root, $"_format_version is missing; add _format_version: \"{FormatVersion}\" at the top (decK format {FormatVersion})");
        var found = (version as YamlScalarNode)?.Value;
        if (found != FormatVersion)
            throw Fail(version, $"_format_version is '{found}'; use decK format {FormatVersion} (_format_version: \"{FormatVersion}\"), e.g. convert it with 'deck file convert'");
    }

    private void ReadService(YamlNode node)
    {
        var fields = Fields(Mapping(node, "a service"), "service", ServiceFields);
        var name = Required(node, fields, "name", "a service");
        var what = $"service '{name}'";
        GatewayService service;
        if (fields.TryGetValue("url", out var url))
        {
            var conflicting = new[] { "protocol", "host", "port", "path" }.Where(fields.ContainsKey).ToList();
            if (conflicting.Count > 0)
                throw Fail(url, $"{what} sets url and {string.Join(", ", conflicting)}; use either url or protocol/host/port/path");
            service = FromUrl(name, url, what);
        }
        else
        {
            service = new GatewayService
            {
                Name = name,
                Host = Required(node, fields, "host", what),
                Protocol = fields.TryGetValue("protocol", out var protocol) ? Text(protocol, $"{what} protocol") : "http",
                Port = fields.TryGetValue("port", out var port) ? Integer(port, $"{what} port") : 80,
                Path = fields.TryGetValue("path", out var path) ? Text(path, $"{what} path") : null,
            };
        }

        _services.Add(service with { Tags = Tags(fields, what) });
        foreach (var route in Items(fields, "routes"))
            ReadRoute(route, parentService: name);
        foreach (var plugin in Items(fields, "plugins"))
            ReadPlugin(plugin, parentService: name, parentRoute: null);
    }

    private static GatewayService FromUrl(string name, YamlNode node, string what)
    {
        var text = Text(node, $"{what} url");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            throw Fail(node, $"{what} has url '{text}', which is not an absolute URL; write it like http://orders:8080/api");
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
            throw Fail(node, $"{what} has url '{text}' with a query or fragment; Kong services take only scheme, host, port and path");

        var afterScheme = text.IndexOf("://", StringComparison.Ordinal) + 3;
        var hasPath = text.IndexOf('/', afterScheme) >= 0;
        var scheme = uri.Scheme.ToLowerInvariant();
        var explicitPort = !uri.IsDefaultPort && uri.Port > 0;
        return new GatewayService
        {
            Name = name,
            Protocol = scheme,
            Host = uri.Host,
            Port = explicitPort ? uri.Port : scheme is "https" or "grpcs" or "wss" or "tls" ? 443 : 80,
            Path = hasPath ? uri.AbsolutePath : null,
        };
    }

    private void ReadRoute(YamlNode node, string? parentService)
    {
        var fields = Fields(Mapping(node, "a route"), "route", RouteFields);
        var name = Required(node, fields, "name", "a route (this project addresses routes by name)");
        var what = $"route '{name}'";
        string service;
        if (parentService is not null)
        {
            if (fields.TryGetValue("service", out var nested))
                throw Fail(nested, $"{what} is nested under service '{parentService}'; remove its 'service' field");
            service = parentService;
        }
        else
        {
            service = fields.TryGetValue("service", out var reference)
                ? ReferencedName(reference, $"{what} service")
                : throw Fail(node, $"{what} is not nested under a service and has no 'service' field; add service: <service name>");
        }

        var route = new GatewayRoute
        {
            Name = name,
            Service = service,
            Paths = Optional(fields, "paths", node => Strings(node, $"{what} paths"), []),
            Methods = Optional(fields, "methods", node => Strings(node, $"{what} methods"), []),
            Hosts = Optional(fields, "hosts", node => Strings(node, $"{what} hosts"), []),
            Protocols = Optional(fields, "protocols", node => Strings(node, $"{what} protocols"), ["http", "https"]),
            StripPath = Optional(fields, "strip_path", node => Boolean(node, $"{what} strip_path"), true),
            PreserveHost = Optional(fields, "preserve_host", node => Boolean(node, $"{what} preserve_host"), false),
            Tags = Tags(fields, what),
        };
        _routes.Add(route);
        foreach (var plugin in Items(fields, "plugins"))
            ReadPlugin(plugin, parentService: null, parentRoute: name);
    }

    private void ReadPlugin(YamlNode node, string? parentService, string? parentRoute)
    {
        var fields = Fields(Mapping(node, "a plugin"), "plugin", PluginFields);
        var name = Required(node, fields, "name", "a plugin");
        var what = $"plugin '{name}'";
        var nested = parentService is not null || parentRoute is not null;
        foreach (var scope in new[] { "service", "route" }.Where(scope => nested && fields.ContainsKey(scope)))
            throw Fail(fields[scope], $"{what} is nested under {(parentService is null ? $"route '{parentRoute}'" : $"service '{parentService}'")}; remove its '{scope}' field");

        var plugin = new GatewayPlugin
        {
            Name = name,
            Service = parentService ?? Optional<string?>(fields, "service", node => ReferencedName(node, $"{what} service"), null),
            Route = parentRoute ?? Optional<string?>(fields, "route", node => ReferencedName(node, $"{what} route"), null),
            Config = Optional(fields, "config", node => Config(node, what), []),
            Enabled = Optional(fields, "enabled", node => Boolean(node, $"{what} enabled"), true),
            Tags = Tags(fields, what),
        };
        _plugins.Add(plugin);
    }

    private static JsonObject Config(YamlNode node, string what)
    {
        return YamlJsonConversion.ToJson(Mapping(node, $"{what} config"), Fail)!.AsObject();
    }

    private List<string> Tags(Dictionary<string, YamlNode> fields, string what)
    {
        var tags = Optional(fields, "tags", node => Strings(node, $"{what} tags"), []);
        return [.. tags.Concat(_selectTags).Distinct(StringComparer.Ordinal)];
    }

    // A reference to another entity by name: `service: orders` or `service: {name: orders}`.
    private static string ReferencedName(YamlNode node, string what)
    {
        if (node is YamlScalarNode)
            return Text(node, what);
        var fields = Fields(Mapping(node, what), what, ["name", "id"]);
        if (fields.TryGetValue("id", out var id))
            throw Fail(id, $"{what} refers to an id; this project addresses entities by name, so write name: <name> instead");
        return Required(node, fields, "name", what);
    }

    private static IEnumerable<YamlNode> Items(Dictionary<string, YamlNode> fields, string key)
    {
        if (!fields.TryGetValue(key, out var node) || IsNull(node))
            return [];
        return node as YamlSequenceNode is { } sequence
            ? sequence.Children
            : throw Fail(node, $"'{key}' must be a list (each item starting with '- ')");
    }

    private static Dictionary<string, YamlNode> Fields(YamlMappingNode node, string kind, IReadOnlyCollection<string> allowed)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var (key, value) in node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? throw Fail(key, $"this {kind} has a key that is not plain text");
            if (allowed.Contains(name))
                fields[name] = value;
            else
                unknown.Add(name);
        }

        if (unknown.Count > 0)
        {
            var label = fields.TryGetValue("name", out var named) && named is YamlScalarNode { Value: string entityName }
                ? $"{kind} '{entityName}'"
                : $"this {kind}";
            throw Fail(node, $"{label} has fields this project does not support: {string.Join(", ", unknown)}. " +
                             $"Supported: {string.Join(", ", allowed)}; remove the others so that nothing is dropped silently");
        }

        return fields;
    }

    private static T Optional<T>(Dictionary<string, YamlNode> fields, string key, Func<YamlNode, T> read, T fallback)
        => fields.TryGetValue(key, out var node) && !IsNull(node) ? read(node) : fallback;

    private static string Required(YamlNode owner, Dictionary<string, YamlNode> fields, string key, string what)
        => fields.TryGetValue(key, out var node) && !IsNull(node)
            ? Text(node, $"{what} {key}")
            : throw Fail(owner, $"{what} has no '{key}'; add {key}: <value>");

    private static YamlMappingNode Mapping(YamlNode node, string what)
        => node as YamlMappingNode ?? throw Fail(node, $"{what} must be a mapping of fields (key: value)");

    private static string Text(YamlNode node, string what)
        => node is YamlScalarNode { Value: { Length: > 0 } text } ? text : throw Fail(node, $"{what} must be a non-empty text value");

    private static List<string> Strings(YamlNode node, string what)
        => node is YamlSequenceNode sequence
            ? [.. sequence.Children.Select(child => Text(child, $"each item of {what}"))]
            : throw Fail(node, $"{what} must be a list, e.g. [\"/orders\"]");

    private static bool Boolean(YamlNode node, string what)
        => (node as YamlScalarNode) is { } scalar && YamlJsonConversion.AsBoolean(scalar) is bool value
            ? value
            : throw Fail(node, $"{what} must be true or false");

    private static int Integer(YamlNode node, string what)
        => node is YamlScalarNode { Value: string text } scalar && !YamlJsonConversion.IsString(scalar) &&
           int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Fail(node, $"{what} must be a whole number, e.g. 8080");

    private static bool IsNull(YamlNode node)
        => node is YamlScalarNode scalar && YamlJsonConversion.IsNull(scalar);

    private static FormatException Fail(YamlNode node, string message)
        => new($"kong.yaml line {node.Start.Line}, column {node.Start.Column}: {message}.");
}
