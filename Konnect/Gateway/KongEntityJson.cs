using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace KonnectAspire.Konnect.Gateway;

/// <summary>
/// Maps the gateway model to the JSON bodies that the Kong Admin API (3.9) and Konnect core entities accept.
/// Each entity gets a stable id derived from its name, so <c>PUT /&lt;kind&gt;/{id}</c> is an idempotent upsert
/// on both targets.
/// </summary>
/// <remarks>
/// <code>
/// var id = KongEntityJson.IdOf(service);         // the same Guid on every run
/// var body = KongEntityJson.ToKong(service);     // {"id":..,"name":"orders","protocol":"http",...}
/// await store.PutAsync(GatewayEntityKind.Service, id, body, ct);
/// </code>
/// </remarks>
public static class KongEntityJson
{
    // Fixed namespace for the name-based ids; changing it would orphan every entity synced before.
    private static readonly Guid IdNamespace = new("6f1c8e52-4a0b-4d8e-9a57-3c2b9d0e7f41");

    /// <summary>
    /// The stable id of the entity of <paramref name="kind"/> called <paramref name="name"/>: a name-based UUID
    /// (RFC 4122 version 5, SHA-1) of <c>"&lt;kind&gt;:&lt;name&gt;"</c>.
    /// </summary>
    /// <param name="kind">The entity kind; the same name in two kinds gives two ids.</param>
    /// <param name="name">The entity name; for a plugin, use <see cref="IdOf(GatewayPlugin)"/> instead.</param>
    /// <returns>The id, equal on every run and every machine.</returns>
    public static Guid StableId(GatewayEntityKind kind, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return NameBasedUuid(IdNamespace, $"{kind.Word()}:{name}");
    }

    /// <summary>The stable id of a service, from its name.</summary>
    /// <param name="service">The service.</param>
    /// <returns>The id used in <c>PUT /services/{id}</c>.</returns>
    public static Guid IdOf(GatewayService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return StableId(GatewayEntityKind.Service, service.Name);
    }

    /// <summary>The stable id of a route, from its name.</summary>
    /// <param name="route">The route.</param>
    /// <returns>The id used in <c>PUT /routes/{id}</c>.</returns>
    public static Guid IdOf(GatewayRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return StableId(GatewayEntityKind.Route, route.Name);
    }

    /// <summary>The stable id of a plugin, from its name and scope (Kong allows one plugin of a name per scope).</summary>
    /// <param name="plugin">The plugin.</param>
    /// <returns>The id used in <c>PUT /plugins/{id}</c>.</returns>
    public static Guid IdOf(GatewayPlugin plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        return StableId(GatewayEntityKind.Plugin, $"{plugin.Name}@{ScopeOf(plugin)}");
    }

    /// <summary>The scope of a plugin in words: <c>global</c>, <c>service orders</c>, <c>route orders</c> or both.</summary>
    /// <param name="plugin">The plugin.</param>
    /// <returns>The scope, as used in sync reports and error messages.</returns>
    public static string ScopeOf(GatewayPlugin plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        return (plugin.Service, plugin.Route) switch
        {
            (null, null) => "global",
            (string service, null) => $"service {service}",
            (null, string route) => $"route {route}",
            (string service, string route) => $"service {service}, route {route}",
        };
    }

    /// <summary>
    /// The Kong service body: <c>{id, name, protocol, host, port, path, tags}</c>, every field of
    /// <see cref="GatewayService"/> under Kong's name, unset ones as null.
    /// </summary>
    /// <param name="service">The service.</param>
    /// <returns>A new JSON object; the caller may add tags to it.</returns>
    public static JsonObject ToKong(GatewayService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return ToKong(GatewayEntityShape.Service, IdOf(service), service);
    }

    /// <summary>
    /// The Kong route body: <c>{id, name, service: {id}, paths, methods, hosts, protocols, strip_path, preserve_host, tags}</c>.
    /// Empty <c>paths</c>, <c>methods</c> and <c>hosts</c> are sent as null, which is how Kong stores "match any".
    /// </summary>
    /// <param name="route">The route.</param>
    /// <returns>A new JSON object; the caller may add tags to it.</returns>
    public static JsonObject ToKong(GatewayRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return ToKong(GatewayEntityShape.Route, IdOf(route), route);
    }

    /// <summary>
    /// The Kong plugin body: <c>{id, name, service: {id} | null, route: {id} | null, config, enabled, tags}</c>.
    /// </summary>
    /// <param name="plugin">The plugin.</param>
    /// <returns>A new JSON object (with a deep copy of the config); the caller may add tags to it.</returns>
    public static JsonObject ToKong(GatewayPlugin plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        return ToKong(GatewayEntityShape.Plugin, IdOf(plugin), plugin);
    }

    /// <summary>
    /// The service as a decK file and a Kong Operator <c>KongService</c> spec hold it: the same fields as
    /// <see cref="ToKong(GatewayService)"/> without the id, and without what is unset (null, an empty list or object).
    /// </summary>
    /// <param name="service">The service.</param>
    /// <returns>A new JSON object.</returns>
    public static JsonObject ToDeclared(GatewayService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return ToDeclared(GatewayEntityShape.Service, service, includeReferences: true);
    }

    /// <summary>
    /// The route as a decK file and a Kong Operator <c>KongRoute</c> spec hold it: no id, nothing unset, and its
    /// service by name, or left out when <paramref name="includeReferences"/> is false (nested in decK; a
    /// <c>serviceRef</c> in the Kong Operator).
    /// </summary>
    /// <param name="route">The route.</param>
    /// <param name="includeReferences">Whether to write the <c>service</c> the route refers to.</param>
    /// <returns>A new JSON object.</returns>
    public static JsonObject ToDeclared(GatewayRoute route, bool includeReferences = true)
    {
        ArgumentNullException.ThrowIfNull(route);
        return ToDeclared(GatewayEntityShape.Route, route, includeReferences);
    }

    /// <summary>
    /// The plugin as a decK file holds it: no id, nothing unset (an empty config is left out), and its service and
    /// route by name, or left out when <paramref name="includeReferences"/> is false (nested under its scope).
    /// </summary>
    /// <param name="plugin">The plugin.</param>
    /// <param name="includeReferences">Whether to write the <c>service</c> and <c>route</c> it is scoped to.</param>
    /// <returns>A new JSON object (with a deep copy of the config).</returns>
    public static JsonObject ToDeclared(GatewayPlugin plugin, bool includeReferences = true)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        return ToDeclared(GatewayEntityShape.Plugin, plugin, includeReferences);
    }

    /// <summary>An RFC 4122 version 5 UUID: SHA-1 of the namespace (network byte order) and the UTF-8 name.</summary>
    internal static Guid NameBasedUuid(Guid namespaceId, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);

        Span<byte> hash = stackalloc byte[20];
        // SHA-1 is what RFC 4122 prescribes for version 5 ids; it names entities, it protects nothing.
#pragma warning disable CA5350
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        var uuid = hash[..16];
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        return new Guid(uuid, bigEndian: true);
    }

    /// <summary>Whether an entity as Kong returns it carries <paramref name="tag"/>; tags that are not strings never match.</summary>
    internal static bool HasTag(JsonObject entity, string tag)
        => entity["tags"] is JsonArray tags && tags.Any(value => Text(value) == tag);

    /// <summary>The value of a JSON string that is not empty, or null for anything else (missing, null, a number, "").</summary>
    internal static string? Text(JsonNode? node)
        => node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    private static JsonObject ToKong(GatewayEntityShape shape, Guid id, object entity)
    {
        var fields = shape.ToJson(entity);
        var body = new JsonObject { ["id"] = id.ToString() };
        foreach (var field in shape.Fields)
        {
            var value = fields[field.Name];
            fields.Remove(field.Name);
            body[field.Name] = field.Reference is GatewayEntityKind kind && Text(value) is string name ? Reference(kind, name) : value;
        }

        return body;
    }

    private static JsonObject ToDeclared(GatewayEntityShape shape, object entity, bool includeReferences)
    {
        var fields = shape.ToJson(entity);
        foreach (var field in shape.Fields)
        {
            if (IsUnset(fields[field.Name]) || (!includeReferences && field.Reference is not null))
                fields.Remove(field.Name);
        }

        return fields;
    }

    private static bool IsUnset(JsonNode? value)
        => value is null || value is JsonArray { Count: 0 } || value is JsonObject { Count: 0 };

    private static JsonObject Reference(GatewayEntityKind kind, string name)
        => new() { ["id"] = StableId(kind, name).ToString() };
}
