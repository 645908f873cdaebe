using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace KonnectAspire.Konnect.Gateway;

/// <summary>
/// What one kind of gateway entity is, read from its record through <see cref="GatewayEntityJsonContext"/>: its
/// fields (name, type, required, references) and the conversion between the record and its JSON. The Admin API
/// body, the decK writer and reader and the Kong Operator specs all start here, so none of them lists fields.
/// </summary>
internal sealed class GatewayEntityShape
{
    private readonly JsonTypeInfo _typeInfo;
    private readonly JsonObject _defaults;

    // The prototype carries the record's own defaults: the generated deserializer would set a field the JSON leaves out to
    // null instead of to the property's initializer.
    private GatewayEntityShape(GatewayEntityKind kind, JsonTypeInfo typeInfo, object prototype)
    {
        Kind = kind;
        _typeInfo = typeInfo;
        _defaults = JsonSerializer.SerializeToNode(prototype, typeInfo)!.AsObject();
        Fields = [.. typeInfo.Properties.Select(property => new GatewayEntityField(
            property.Name,
            property.PropertyType,
            property.IsRequired,
            (property.AttributeProvider as MemberInfo)?.GetCustomAttribute<GatewayReferenceAttribute>()?.Kind))];
    }

    public static GatewayEntityShape Service { get; } = new(GatewayEntityKind.Service, GatewayEntityJsonContext.Default.GatewayService, new GatewayService { Name = "", Host = "" });

    public static GatewayEntityShape Route { get; } = new(GatewayEntityKind.Route, GatewayEntityJsonContext.Default.GatewayRoute, new GatewayRoute { Name = "", Service = "" });

    public static GatewayEntityShape Plugin { get; } = new(GatewayEntityKind.Plugin, GatewayEntityJsonContext.Default.GatewayPlugin, new GatewayPlugin { Name = "" });

    public GatewayEntityKind Kind { get; }

    /// <summary>The fields in declaration order, which is the order every output writes them in.</summary>
    public IReadOnlyList<GatewayEntityField> Fields { get; }

    public IEnumerable<GatewayEntityField> References => Fields.Where(candidate => candidate.Reference is not null);

    /// <summary>Every field of <paramref name="entity"/>, unset ones as null or empty.</summary>
    public JsonObject ToJson(object entity)
        => JsonSerializer.SerializeToNode(entity, _typeInfo)!.AsObject();

    /// <summary>
    /// The record from JSON whose values <see cref="DeckFileReader"/> has already checked against <see cref="Fields"/>;
    /// a field the JSON leaves out takes the record's default.
    /// </summary>
    public T FromJson<T>(JsonObject json)
    {
        var complete = (JsonObject)json.DeepClone();
        foreach (var (name, value) in _defaults)
        {
            if (!complete.ContainsKey(name))
                complete[name] = value?.DeepClone();
        }

        return (T)(complete.Deserialize(_typeInfo) ?? throw new JsonException($"a {Kind} cannot be null"));
    }
}
