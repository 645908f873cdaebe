using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KonnectAspire.Konnect.Gateway;

/// <summary>
/// A Kong plugin's schema as a field list (<c>field, type, default, allowed, first_seen, in_oss_3.9.3, note</c>, tab
/// separated): checks a plugin entity against it, so a config Kong would refuse is named before anything is synced.
/// The project carries the schemas of the plugins it configures itself (<see cref="For"/>).
/// </summary>
public sealed class KongPluginFieldSchema
{
    private const long MaxSchemaBytes = 1024 * 1024;

    private readonly Dictionary<string, Field> _fields;

    private KongPluginFieldSchema(Dictionary<string, Field> fields) => _fields = fields;

    /// <summary>
    /// The schema of <paramref name="pluginName"/> that the project carries, or null: <c>opentelemetry</c> (Kong 3.9.3),
    /// <c>ai-proxy</c> (3.9, and 3.10's additions marked as not open source), <c>ai-rate-limiting-advanced</c> and
    /// <c>ai-semantic-cache</c> (Kong Enterprise 3.10).
    /// </summary>
    /// <param name="pluginName">The plugin's name.</param>
    /// <returns>The schema, or null when the project has none for that plugin.</returns>
    public static KongPluginFieldSchema? For(string pluginName)
    {
        ArgumentNullException.ThrowIfNull(pluginName);
        var resource = $"KonnectAspire.Konnect.Gateway.Schemas.{pluginName}-plugin-fields.tsv";
        using var stream = typeof(KongPluginFieldSchema).Assembly.GetManifestResourceStream(resource);
        return stream is null ? null : Load(stream);
    }

    /// <summary>Reads a field list.</summary>
    /// <param name="stream">The tab-separated field list; at most 1 MiB.</param>
    /// <returns>The schema.</returns>
    /// <exception cref="InvalidDataException">The list is longer than 1 MiB or a row has fewer than 6 columns.</exception>
    public static KongPluginFieldSchema Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream);
        var fields = new Dictionary<string, Field>(StringComparer.Ordinal);
        long read = 0;
        while (reader.ReadLine() is { } line)
        {
            read += line.Length + 1;
            if (read > MaxSchemaBytes)
            {
                throw new InvalidDataException($"A plugin field list is at most {MaxSchemaBytes / 1024} KiB.");
            }

            if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length < 6)
            {
                throw new InvalidDataException($"A plugin field list row needs 6 tab-separated columns: '{line}'.");
            }

            fields[columns[0]] = new Field(columns[1], columns[3], columns[5] == "yes");
        }

        return new KongPluginFieldSchema(fields);
    }

    /// <summary>Every violation of <paramref name="entity"/> (an object with <c>config</c>, maybe <c>protocols</c>, …).</summary>
    /// <param name="entity">The plugin body without its name.</param>
    /// <param name="openSourceOnly">Whether every field must exist in open-source Kong 3.9.3.</param>
    /// <returns>One line per violation, naming the field path.</returns>
    public IReadOnlyList<string> Check(JsonObject entity, bool openSourceOnly)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var problems = new List<string>();
        foreach (var (name, value) in entity)
        {
            CheckField(name, value, openSourceOnly, problems);
        }

        return problems;
    }

    private void CheckField(string path, JsonNode? value, bool openSourceOnly, List<string> problems)
    {
        if (!_fields.TryGetValue(path, out var field))
        {
            problems.Add($"{path}: not a field of the plugin");
            return;
        }

        if (openSourceOnly && !field.InOpenSource)
        {
            problems.Add($"{path}: not in open-source Kong 3.9.3");
        }

        if (value is null)
        {
            return;
        }

        switch (field.Type)
        {
            case "object":
                if (value is not JsonObject record)
                {
                    problems.Add($"{path}: expected an object, got {value.GetValueKind()}");
                    return;
                }

                foreach (var (name, child) in record)
                {
                    CheckField($"{path}.{name}", child, openSourceOnly, problems);
                }

                break;
            case "map<string,string>":
                if (value is not JsonObject map || map.Any(pair => pair.Value?.GetValueKind() != JsonValueKind.String || pair.Key.Length == 0))
                {
                    problems.Add($"{path}: expected a map of non-empty keys to strings, got {value.ToJsonString()}");
                }

                break;
            case "array<object>":
                if (value is not JsonArray items || items.Any(item => item is not JsonObject))
                {
                    problems.Add($"{path}: expected an array of objects, got {value.ToJsonString()}");
                    return;
                }

                foreach (var item in items.Cast<JsonObject>())
                {
                    foreach (var (name, child) in item)
                    {
                        CheckField($"{path}[].{name}", child, openSourceOnly, problems);
                    }
                }

                break;
            case "array<number>":
                if (value is not JsonArray numbers || numbers.Any(item => item?.GetValueKind() != JsonValueKind.Number))
                {
                    problems.Add($"{path}: expected an array of numbers, got {value.ToJsonString()}");
                    return;
                }

                foreach (var item in numbers)
                {
                    CheckRange(path, Number(item!), field.Allowed, problems);
                }

                break;
            case "array<string>":
                if (value is not JsonArray array || array.Any(item => item?.GetValueKind() != JsonValueKind.String))
                {
                    problems.Add($"{path}: expected an array of strings, got {value.ToJsonString()}");
                    return;
                }

                foreach (var item in array)
                {
                    CheckAllowed(path, item!.GetValue<string>(), field.Allowed, problems);
                }

                break;
            case "string":
                if (value.GetValueKind() != JsonValueKind.String)
                {
                    problems.Add($"{path}: expected a string, got {value.GetValueKind()}");
                    return;
                }

                CheckAllowed(path, value.GetValue<string>(), field.Allowed, problems);
                break;
            case "integer" or "number":
                if (value.GetValueKind() != JsonValueKind.Number || (field.Type == "integer" && Number(value) % 1 != 0))
                {
                    problems.Add($"{path}: expected {field.Type}, got {value.ToJsonString()}");
                    return;
                }

                CheckRange(path, Number(value), field.Allowed, problems);
                break;
            case "boolean":
                if (value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    problems.Add($"{path}: expected a boolean, got {value.ToJsonString()}");
                }

                break;
            default:
                problems.Add($"{path}: the schema has type '{field.Type}', which this check does not know");
                break;
        }
    }

    // A number node built in C# holds an int or long, one parsed from JSON a JsonElement; both print as JSON numbers.
    private static double Number(JsonNode value) => double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static void CheckAllowed(string path, string value, string allowed, List<string> problems)
    {
        if (allowed.Length > 0 && !allowed.Split('|').Contains(value))
        {
            problems.Add($"{path}: '{value}' is not one of {allowed.Replace("|", ", ", StringComparison.Ordinal)}");
        }
    }

    // "min..max", "min.." or "..max"; an empty side has no bound.
    private static void CheckRange(string path, double value, string allowed, List<string> problems)
    {
        var bounds = allowed.Split("..");
        if (bounds.Length != 2)
        {
            return;
        }

        var below = bounds[0].Length > 0 && value < double.Parse(bounds[0], CultureInfo.InvariantCulture);
        var above = bounds[1].Length > 0 && value > double.Parse(bounds[1], CultureInfo.InvariantCulture);
        if (below || above)
        {
            problems.Add($"{path}: {value.ToString(CultureInfo.InvariantCulture)} is outside {allowed}");
        }
    }

    private sealed record Field(string Type, string Allowed, bool InOpenSource);
}
