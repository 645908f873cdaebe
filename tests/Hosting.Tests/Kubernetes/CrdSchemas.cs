using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using KonnectAspire.Konnect.Yaml;

namespace KonnectAspire.Hosting.Tests.Kubernetes;

/// <summary>
/// The openAPIV3Schema of each served version of the Kong Operator CRDs in Contracts/kgo, as JSON Schema: int-or-string
/// becomes "integer or string", nullable adds null, and typed objects reject unknown fields (the API server's strict field
/// validation does too). CEL rules are left out.
/// </summary>
internal static class CrdSchemas
{
    private static readonly Lazy<Dictionary<string, JsonSchema>> Schemas = new(Load);

    /// <summary>The schema for <c>apiVersion</c> and <c>kind</c>, or null when no CRD in Contracts/kgo defines them.</summary>
    public static JsonSchema? Find(string apiVersion, string kind) => Schemas.Value.GetValueOrDefault($"{apiVersion}/{kind}");

    public static IReadOnlyCollection<string> Kinds => Schemas.Value.Keys;

    public static IReadOnlyList<string> Errors(JsonSchema schema, JsonNode document)
    {
        using var json = JsonDocument.Parse(document.ToJsonString());
        var result = schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))];
    }

    private static Dictionary<string, JsonSchema> Load()
    {
        var schemas = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Contracts", "kgo"), "*.yaml"))
        {
            var crd = YamlJsonConversion.Load(File.ReadAllText(file))!;
            var group = crd["spec"]!["group"]!.GetValue<string>();
            var kind = crd["spec"]!["names"]!["kind"]!.GetValue<string>();
            foreach (var version in crd["spec"]!["versions"]!.AsArray().Where(v => v!["served"]!.GetValue<bool>()))
            {
                var name = version!["name"]!.GetValue<string>();
                var schema = ToJsonSchema(version["schema"]!["openAPIV3Schema"]!.DeepClone());
                var uri = new Uri($"https://crd.test/{group}/{name}/{kind}");
                schemas[$"{group}/{name}/{kind}"] = JsonSchema.FromText(schema.ToJsonString(), baseUri: uri);
            }
        }

        return schemas;
    }

    private static JsonNode ToJsonSchema(JsonNode node)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                ToJsonSchema(item!);
            }

            return node;
        }

        if (node is not JsonObject schema)
        {
            return node;
        }

        if (schema["x-kubernetes-int-or-string"]?.GetValue<bool>() == true)
        {
            schema.Remove("type");
            schema["anyOf"] ??= new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" });
        }

        if (schema["nullable"]?.GetValue<bool>() == true && schema["type"] is JsonValue type)
        {
            schema["type"] = new JsonArray(type.GetValue<string>(), "null");
        }

        if (schema["type"] is JsonValue { } t && t.GetValue<string>() == "object" && schema["properties"] is not null
            && schema["additionalProperties"] is null && schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() != true)
        {
            schema["additionalProperties"] = false;
        }

        // JSON Schema 2020-12 as JsonSchema.Net builds it rejects unknown keywords: drop the OpenAPI/Kubernetes extensions once read.
        foreach (var extension in schema.Select(p => p.Key).Where(k => k.StartsWith("x-kubernetes-", StringComparison.Ordinal) || k == "nullable").ToList())
        {
            schema.Remove(extension);
        }

        foreach (var property in (schema["properties"] as JsonObject)?.Select(p => p.Value) ?? [])
        {
            ToJsonSchema(property!);
        }

        foreach (var key in new[] { "items", "additionalProperties", "not", "allOf", "anyOf", "oneOf" })
        {
            if (schema[key] is JsonObject or JsonArray)
            {
                ToJsonSchema(schema[key]!);
            }
        }

        return schema;
    }
}
