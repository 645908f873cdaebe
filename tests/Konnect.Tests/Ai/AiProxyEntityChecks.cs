using System.Text.Json.Nodes;

namespace KonnectAspire.Konnect.Tests.Ai;

/// <summary>ai-proxy's cross-field rules (Contracts/kong-ai/ai-proxy-entity-checks.tsv), applied to a config object.</summary>
public static class AiProxyEntityChecks
{
    public static IReadOnlyList<string> Check(JsonObject config)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Contracts", "kong-ai", "ai-proxy-entity-checks.tsv");
        var problems = new List<string>();
        foreach (var columns in File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')))
        {
            var (kind, ifField, ifValues, fields, error) = (columns[0], columns[1], columns[2], columns[3].Split('|'), columns[4]);
            var applies = ifField.Length == 0 || ifValues.Split('|').Contains(Value(config, ifField)?.ToString());
            if (!applies)
            {
                continue;
            }

            switch (kind)
            {
                case "mutually_required":
                    var present = fields.Count(f => Value(config, f) is not null);
                    if (present != 0 && present != fields.Length)
                    {
                        problems.Add($"{string.Join(", ", fields)} must be set together");
                    }

                    break;
                case "conditional_at_least_one_of" when !fields.Any(f => Value(config, f) is not null):
                    problems.Add(error.Replace("%s", string.Join(", ", fields), StringComparison.Ordinal));
                    break;
                case "conditional_eq":
                    var (field, expected) = (fields[0].Split('=')[0], fields[0].Split('=')[1]);
                    var actual = Value(config, field)?.ToJsonString();
                    if (actual is not null && actual != expected)
                    {
                        problems.Add(error);
                    }

                    break;
            }
        }

        return problems;
    }

    private static JsonNode? Value(JsonObject config, string dottedPath)
    {
        JsonNode? node = config;
        foreach (var segment in dottedPath.Split('.'))
        {
            node = node is JsonObject o ? o[segment] : null;
        }

        return node;
    }
}
