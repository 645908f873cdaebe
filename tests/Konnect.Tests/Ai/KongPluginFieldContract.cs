using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KonnectAspire.Konnect.Tests.Ai;

/// <summary>
/// A plugin's config fields as copied from Kong's schema into Contracts/kong-ai (see SOURCE.md there), and the
/// check of a produced config against them: no unknown field, the right types, allowed values, required present.
/// </summary>
public sealed class KongPluginFieldContract
{
    private readonly Dictionary<string, Field> _fields;

    private KongPluginFieldContract(string name, Dictionary<string, Field> fields)
    {
        Name = name;
        _fields = fields;
    }

    public string Name { get; }

    public static KongPluginFieldContract Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Contracts", "kong-ai", fileName);
        var fields = File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .ToDictionary(
                columns => columns[0],
                columns => new Field(columns[1], columns[2] == "yes", columns[4], columns[5] == "yes"));
        return new KongPluginFieldContract(fileName, fields);
    }

    public bool IsReferenceable(string path) => _fields.TryGetValue(path, out var field) && field.Referenceable;

    public IReadOnlyList<string> Check(JsonObject config)
    {
        var problems = new List<string>();
        CheckObject(config, "config", problems);
        return problems;
    }

    private void CheckObject(JsonObject value, string path, List<string> problems)
    {
        foreach (var (name, child) in value)
        {
            var childPath = $"{path}.{name}";
            if (!_fields.TryGetValue(childPath, out var field))
            {
                problems.Add($"{childPath}: unknown field in {Name}");
                continue;
            }

            CheckValue(child, childPath, field, problems);
        }

        var prefix = path + ".";
        foreach (var (requiredPath, _) in _fields.Where(f => f.Value.Required && IsDirectChild(f.Key, prefix)))
        {
            if (value[requiredPath[prefix.Length..]] is null)
            {
                problems.Add($"{requiredPath}: required by {Name} but missing");
            }
        }
    }

    private static bool IsDirectChild(string path, string prefix)
        => path.StartsWith(prefix, StringComparison.Ordinal) && !path[prefix.Length..].Contains('.');

    private void CheckValue(JsonNode? value, string path, Field field, List<string> problems)
    {
        if (value is null)
        {
            problems.Add($"{path}: null (leave the field out instead)");
            return;
        }

        var kind = value.GetValueKind();
        switch (field.Type)
        {
            case "object" when value is JsonObject child:
                CheckObject(child, path, problems);
                return;
            case "array<object>" when value is JsonArray items:
                foreach (var item in items)
                {
                    if (item is JsonObject itemObject)
                    {
                        CheckObject(itemObject, path + "[]", problems);
                    }
                    else
                    {
                        problems.Add($"{path}[]: expected object, got {item?.GetValueKind()}");
                    }
                }

                return;
            case "array<number>" when value is JsonArray numbers:
                foreach (var number in numbers.Where(n => n?.GetValueKind() != JsonValueKind.Number))
                {
                    problems.Add($"{path}[]: expected number, got {number?.GetValueKind()}");
                }

                return;
            case "string" when kind == JsonValueKind.String:
                CheckAllowed(value.GetValue<string>(), path, field, problems);
                return;
            case "boolean" when kind is JsonValueKind.True or JsonValueKind.False:
                return;
            case "integer" when kind == JsonValueKind.Number && Math.Floor(Number(value)) == Number(value):
            case "number" when kind == JsonValueKind.Number:
                CheckRange(Number(value), path, field, problems);
                return;
            default:
                problems.Add($"{path}: expected {field.Type}, got {kind} ({value.ToJsonString()})");
                return;
        }
    }

    private static double Number(JsonNode value) => double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static void CheckAllowed(string value, string path, Field field, List<string> problems)
    {
        if (field.Allowed.Length > 0 && !field.Allowed.Split('|').Contains(value))
        {
            problems.Add($"{path}: '{value}' is not one of {field.Allowed}");
        }
    }

    private static void CheckRange(double value, string path, Field field, List<string> problems)
    {
        if (!field.Allowed.Contains("..", StringComparison.Ordinal))
        {
            return;
        }

        var bounds = field.Allowed.Split("..");
        if (bounds[0].Length > 0 && value < double.Parse(bounds[0], CultureInfo.InvariantCulture))
        {
            problems.Add($"{path}: {value} is below {bounds[0]}");
        }

        if (bounds[1].Length > 0 && value > double.Parse(bounds[1], CultureInfo.InvariantCulture))
        {
            problems.Add($"{path}: {value} is above {bounds[1]}");
        }
    }

    private sealed record Field(string Type, bool Required, string Allowed, bool Referenceable);
}
