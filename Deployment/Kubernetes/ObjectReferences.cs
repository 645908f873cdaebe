using System.Text.Json.Nodes;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>
/// Finds the Secrets and ConfigMaps the manifests read, wherever Kubernetes and the Kong Operator put such references:
/// env valueFrom (secretKeyRef, configMapKeyRef), envFrom (secretRef, configMapRef), secret and configMap volumes (also
/// projected, with their items' keys), KongPlugin configFrom and configPatches valueFrom, and the
/// KonnectAPIAuthConfiguration's secretRef (with its own namespace). References marked optional are left out.
/// </summary>
public static class ObjectReferences
{
    public static IReadOnlyList<ObjectReference> Find(IEnumerable<ManifestDocument> documents)
    {
        var found = new List<ObjectReference>();
        foreach (var document in documents)
        {
            foreach (var (property, value) in document.Body)
            {
                // Metadata and status name no dependencies; a KongPlugin's config is the plugin's own data.
                if (property is not ("metadata" or "status") && !(document.Kind == "KongPlugin" && property == "config"))
                {
                    Walk(value, document, found);
                }
            }
        }

        return found.Distinct().ToList();
    }

    private static void Walk(JsonNode? node, ManifestDocument document, List<ObjectReference> found)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Walk(item, document, found);
                }

                break;
            case JsonObject obj:
                foreach (var (property, value) in obj)
                {
                    if (value is JsonObject reference && Target(property, reference) is { } target && !IsTrue(reference["optional"])
                        && (JsonText.Of(reference["namespace"]) ?? document.Namespace) is { } @namespace)
                    {
                        var keys = Keys(property, reference);
                        found.AddRange(keys.Count == 0
                            ? [new ObjectReference(target.Kind, @namespace, target.Name, null, document.Display)]
                            : keys.Select(key => new ObjectReference(target.Kind, @namespace, target.Name, key, document.Display)));
                    }

                    Walk(value, document, found);
                }

                break;
        }
    }

    private static (string Kind, string Name)? Target(string property, JsonObject reference)
    {
        var kind = property switch
        {
            "secretKeyRef" or "secretRef" or "secret" => "Secret",
            "configMapKeyRef" or "configMapRef" or "configMap" => "ConfigMap",
            _ => null,
        };
        var name = JsonText.Of(reference["name"]) ?? (property == "secret" ? JsonText.Of(reference["secretName"]) : null);
        return kind is null || name is null ? null : (kind, name);
    }

    private static List<string> Keys(string property, JsonObject reference) => property switch
    {
        "secretKeyRef" or "configMapKeyRef" => JsonText.Of(reference["key"]) is { } key ? [key] : [],
        "secret" or "configMap" when reference["items"] is JsonArray items => items.Select(i => JsonText.Of(i?["key"])).OfType<string>().ToList(),
        _ => [],
    };

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

}
