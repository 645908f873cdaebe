using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KonnectAspire.Hosting.Tests.Telemetry;

/// <summary>
/// A Kong plugin's schema as a field list (Contracts/kong/opentelemetry-plugin-fields.tsv): checks a plugin entity
/// (name omitted) against it and returns every violation.
/// </summary>
internal sealed class KongPluginFieldContract
{
    private readonly Dictionary<string, Field> _fields;

    private KongPluginFieldContract(Dictionary<string, Field> fields) => _fields = fields;

    public static KongPluginFieldContract Load(string relativePath)
    {
        var fields = new Dictionary<string, Field>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, relativePath)))
        {
            if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var columns = line.Split('\t');
            fields[columns[0]] = new Field(columns[1], columns[3], columns[5] == "yes");
        }

        return new KongPluginFieldContract(fields);
    }

    /// <summary>Violations of <paramref name="entity"/> (an object with <c>config</c>, maybe <c>protocols</c>, ...).</summary>
    /// <param name="entity">The plugin body without its name.</param>
    /// <param name="openSourceOnly">Whether every field must exist in open-source Kong 3.9.3.</param>
    public IReadOnlyList<string> Check(JsonObject entity, bool openSourceOnly)
    {
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
                if (value.GetValueKind() != JsonValueKind.Number || (field.Type == "integer" && value.GetValue<double>() % 1 != 0))
                {
                    problems.Add($"{path}: expected {field.Type}, got {value.ToJsonString()}");
                    return;
                }

                CheckRange(path, value.GetValue<double>(), field.Allowed, problems);
                break;
            case "boolean":
                if (value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    problems.Add($"{path}: expected a boolean, got {value.ToJsonString()}");
                }

                break;
            default:
                problems.Add($"{path}: the contract has type '{field.Type}', which this check does not know");
                break;
        }
    }

    private static void CheckAllowed(string path, string value, string allowed, List<string> problems)
    {
        if (allowed.Length > 0 && !allowed.Split('|').Contains(value))
        {
            problems.Add($"{path}: '{value}' is not one of {allowed}");
        }
    }

    private static void CheckRange(string path, double value, string allowed, List<string> problems)
    {
        var bounds = allowed.Split("..");
        if (bounds.Length == 2
            && (value < double.Parse(bounds[0], CultureInfo.InvariantCulture) || value > double.Parse(bounds[1], CultureInfo.InvariantCulture)))
        {
            problems.Add($"{path}: {value} is outside {allowed}");
        }
    }

    private sealed record Field(string Type, string Allowed, bool InOpenSource);
}
