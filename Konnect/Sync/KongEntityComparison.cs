using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Gateway;

namespace KonnectAspire.Konnect.Sync;

/// <summary>
/// Whether an entity Kong returned already is what the sync would PUT. Only the fields the sync sends count:
/// Kong adds timestamps and fills schema defaults (timeouts, plugin config fields) that the model never set.
/// </summary>
/// <remarks>
/// A consequence: a plugin config key dropped from the model keeps its old value in Kong until some other
/// field of that plugin changes, because an absent key cannot be told apart from a Kong default.
/// </remarks>
internal static class KongEntityComparison
{
    // The model's lists of strings (tags, match lists, protocols) are sets in Kong's schema or lists whose order does
    // not change routing; compared without order.
    private static readonly HashSet<string> UnorderedFields =
    [
        .. new[] { GatewayEntityShape.Service, GatewayEntityShape.Route, GatewayEntityShape.Plugin }
            .SelectMany(shape => shape.Fields)
            .Where(field => field.Type == typeof(IList<string>))
            .Select(field => field.Name),
    ];

    /// <summary>True when every field of <paramref name="desired"/> has the same value in <paramref name="actual"/>.</summary>
    public static bool Matches(JsonObject desired, JsonObject actual)
    {
        foreach (var (key, value) in desired)
        {
            actual.TryGetPropertyValue(key, out var actualValue);
            var matches = UnorderedFields.Contains(key) ? SameElements(value, actualValue) : Same(value, actualValue);
            if (!matches)
                return false;
        }

        return true;
    }

    private static bool Same(JsonNode? desired, JsonNode? actual)
    {
        if (IsUnset(desired) || IsUnset(actual))
            return IsUnset(desired) && IsUnset(actual);

        return desired switch
        {
            JsonObject desiredObject => actual is JsonObject actualObject && Matches(desiredObject, actualObject),
            JsonArray desiredArray => actual is JsonArray actualArray && desiredArray.Count == actualArray.Count &&
                                      desiredArray.Zip(actualArray).All(pair => Same(pair.First, pair.Second)),
            _ => actual is JsonValue && SameValue(desired!.AsValue(), actual.AsValue()),
        };
    }

    private static bool SameElements(JsonNode? desired, JsonNode? actual)
    {
        if (IsUnset(desired) || IsUnset(actual))
            return IsUnset(desired) && IsUnset(actual);
        if (desired is not JsonArray desiredArray || actual is not JsonArray actualArray)
            return Same(desired, actual);

        return desiredArray.Select(Canonical).Order(StringComparer.Ordinal)
            .SequenceEqual(actualArray.Select(Canonical).Order(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    private static bool SameValue(JsonValue desired, JsonValue actual)
    {
        var kind = desired.GetValueKind();
        if (kind != actual.GetValueKind())
            return false;

        return kind switch
        {
            JsonValueKind.String => desired.GetValue<string>() == actual.GetValue<string>(),
            // 5 and 5.0 are the same number to Kong.
            JsonValueKind.Number => ParseNumber(desired) == ParseNumber(actual),
            _ => true,
        };
    }

    private static decimal ParseNumber(JsonValue value)
        => decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    // Kong stores an empty set as null (or []), so null, [] and a missing field all mean "not set".
    private static bool IsUnset(JsonNode? node)
        => node is null || (node is JsonArray array && array.Count == 0) || node.GetValueKind() == JsonValueKind.Null;

    private static string Canonical(JsonNode? node) => node?.ToJsonString() ?? "null";
}
