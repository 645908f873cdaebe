using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Yaml;

namespace KonnectAspire.Provisioner.Commands.Cluster;

/// <summary>
/// What `diff` compares: the live object and the server's dry-run result of applying ours, both without the fields
/// the server keeps for itself (managedFields, resourceVersion, status, …) and with every Secret value blanked out;
/// a changed Secret value still shows, as "(changed)".
/// </summary>
internal static class ManifestDiff
{
    private static readonly string[] ServerOwnedMetadata = ["managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "selfLink"];

    public static IReadOnlyList<string> Compare(JsonObject? live, JsonObject desired, string kind)
    {
        var after = Normalize(desired);
        if (live is null)
        {
            RedactSecretValues(after, null, kind);
            return Lines(after).Select(l => "+ " + l).ToList();
        }

        var before = Normalize(live);
        RedactSecretValues(after, before, kind);
        RedactSecretValues(before, null, kind);
        return LineDiff.Unified(Lines(before), Lines(after));
    }

    private static JsonObject Normalize(JsonObject item)
    {
        var copy = (JsonObject)item.DeepClone();
        copy.Remove("status");
        if (copy["metadata"] is JsonObject metadata)
        {
            foreach (var field in ServerOwnedMetadata)
            {
                metadata.Remove(field);
            }

            if (metadata["annotations"] is JsonObject annotations)
            {
                annotations.Remove("kubectl.kubernetes.io/last-applied-configuration");
                if (annotations.Count == 0)
                {
                    metadata.Remove("annotations");
                }
            }
        }

        return copy;
    }

    private static void RedactSecretValues(JsonObject item, JsonObject? compareWith, string kind)
    {
        if (kind != "Secret")
        {
            return;
        }

        foreach (var field in new[] { "data", "stringData" })
        {
            if (item[field] is not JsonObject values)
            {
                continue;
            }

            foreach (var key in values.Select(p => p.Key).ToList())
            {
                var other = compareWith?[field]?[key]?.ToJsonString();
                values[key] = other is null || other == values[key]?.ToJsonString() ? "(hidden)" : "(hidden, changed)";
            }
        }
    }

    private static List<string> Lines(JsonObject item) =>
        YamlJsonConversion.WriteYaml(item).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').ToList();
}
