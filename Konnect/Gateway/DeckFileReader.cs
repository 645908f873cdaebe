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

    // Besides the entity's own fields (GatewayEntityShape): decK's url shorthand and the lists nested under an entity.
    private static readonly string[] UrlShorthandFields = ["protocol", "host", "port", "path"];
    private static readonly string[] ServiceExtras = ["url", "routes", "plugins"];
    private static readonly string[] RouteExtras = ["plugins"];

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
        var (service, fields) = ReadEntity<GatewayService>(GatewayEntityShape.Service, node, ServiceExtras, parent: null);
        _services.Add(service);
        foreach (var route in Items(fields, "routes"))
            ReadRoute(route, parentService: service.Name);
        foreach (var plugin in Items(fields, "plugins"))
            ReadPlugin(plugin, parentService: service.Name, parentRoute: null);
    }

    private void ReadRoute(YamlNode node, string? parentService)
    {
        (GatewayEntityKind Kind, string Name)? parent = parentService is null ? null : (GatewayEntityKind.Service, parentService);
        var (route, fields) = ReadEntity<GatewayRoute>(GatewayEntityShape.Route, node, RouteExtras, parent);
        _routes.Add(route);
        foreach (var plugin in Items(fields, "plugins"))
            ReadPlugin(plugin, parentService: null, parentRoute: route.Name);
    }

    private void ReadPlugin(YamlNode node, string? parentService, string? parentRoute)
    {
        (GatewayEntityKind Kind, string Name)? parent = parentService is not null ? (GatewayEntityKind.Service, parentService)
            : parentRoute is not null ? (GatewayEntityKind.Route, parentRoute)
            : null;
        _plugins.Add(ReadEntity<GatewayPlugin>(GatewayEntityShape.Plugin, node, [], parent).Entity);
    }

    // Reads one entity against its shape: the allowed keys, the required ones, and each value by its field's type.
    private (T Entity, Dictionary<string, YamlNode> Fields) ReadEntity<T>(GatewayEntityShape shape, YamlNode node, string[] extras, (GatewayEntityKind Kind, string Name)? parent)
    {
        var word = shape.Kind.Word();
        var fields = Fields(Mapping(node, $"a {word}"), word, [.. shape.Fields.Select(field => field.Name), .. extras]);
        var name = Required(node, fields, "name", $"a {word} (this project addresses entities by name)");
        var what = $"{word} '{name}'";
        var json = fields.TryGetValue("url", out var url) ? FromUrl(url, fields, what) : [];

        foreach (var field in shape.Fields)
        {
            fields.TryGetValue(field.Name, out var value);
            // The parent the entity is nested under is its reference of that kind; it may not name one itself.
            if (field.Reference is not null && parent is var (parentKind, parentName))
            {
                if (value is not null)
                    throw Fail(value, $"{what} is nested under {parentKind.Word()} '{parentName}'; remove its '{field.Name}' field");
                if (field.Reference == parentKind)
                    json[field.Name] = parentName;
            }
            else if (value is not null && !IsNull(value))
            {
                json[field.Name] = Value(field, value, $"{what} {field.Name}");
            }
            else if (field.IsRequired && !json.ContainsKey(field.Name))
            {
                throw field.Reference is GatewayEntityKind kind
                    ? Fail(node, $"{what} is not nested under a {kind.Word()} and has no '{field.Name}' field; add {field.Name}: <{kind.Word()} name>")
                    : Fail(node, $"{what} has no '{field.Name}'; add {field.Name}: <value>");
            }
        }

        // _info.select_tags: decK adds them to every entity it reads.
        var tags = json["tags"] is JsonArray own ? own.Select(tag => tag!.GetValue<string>()) : [];
        json["tags"] = new JsonArray([.. tags.Concat(_selectTags).Distinct(StringComparer.Ordinal).Select(tag => (JsonNode)tag)]);
        return (shape.FromJson<T>(json), fields);
    }

    private static JsonNode Value(GatewayEntityField field, YamlNode node, string what)
    {
        if (field.Reference is not null)
            return ReferencedName(node, what);
        if (field.Type == typeof(string))
            return Text(node, what);
        if (field.Type == typeof(int))
            return Integer(node, what);
        if (field.Type == typeof(bool))
            return Boolean(node, what);
        if (field.Type == typeof(IList<string>))
            return new JsonArray([.. Strings(node, what).Select(item => (JsonNode)item)]);
        if (field.Type == typeof(JsonObject))
            return Config(node, what);
        throw new InvalidOperationException($"The decK reader has no reading for {field.Type} ({what}); add one to DeckFileReader.Value.");
    }

    private static JsonObject FromUrl(YamlNode node, Dictionary<string, YamlNode> fields, string what)
    {
        var conflicting = UrlShorthandFields.Where(fields.ContainsKey).ToList();
        if (conflicting.Count > 0)
            throw Fail(node, $"{what} sets url and {string.Join(", ", conflicting)}; use either url or protocol/host/port/path");

        var text = Text(node, $"{what} url");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            throw Fail(node, $"{what} has url '{text}', which is not an absolute URL; write it like http://orders:8080/api");
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
            throw Fail(node, $"{what} has url '{text}' with a query or fragment; Kong services take only scheme, host, port and path");

        var afterScheme = text.IndexOf("://", StringComparison.Ordinal) + 3;
        var hasPath = text.IndexOf('/', afterScheme) >= 0;
        var scheme = uri.Scheme.ToLowerInvariant();
        var explicitPort = !uri.IsDefaultPort && uri.Port > 0;
        var parts = new JsonObject
        {
            ["protocol"] = scheme,
            ["host"] = uri.Host,
            ["port"] = explicitPort ? uri.Port : scheme is "https" or "grpcs" or "wss" or "tls" ? 443 : 80,
        };
        if (hasPath)
            parts["path"] = uri.AbsolutePath;
        return parts;
    }

    private static JsonObject Config(YamlNode node, string what)
        => YamlJsonConversion.ToJson(Mapping(node, what), Fail)!.AsObject();

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
