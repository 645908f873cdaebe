using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Yaml;
using YamlDotNet.Core;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>
/// A publish output read generically: kustomization.yaml's resources (files or folders with their own
/// kustomization), every YAML document in them, and kustomize's namespace field. Nothing is specific to
/// the kinds in it, so a new kind in the publisher needs no change here.
/// </summary>
public sealed class PublishedManifests
{
    private static readonly string[] KustomizationFileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
    private static readonly HashSet<string> SupportedKustomizationFields = new(StringComparer.Ordinal) { "apiVersion", "kind", "metadata", "resources", "namespace" };

    private PublishedManifests(string directory, string? @namespace, IReadOnlyList<ManifestDocument> documents)
    {
        Directory = directory;
        Namespace = @namespace;
        Documents = documents;
    }

    public string Directory { get; }

    /// <summary>kustomization.yaml's namespace: where objects without one go, unless --namespace says otherwise.</summary>
    public string? Namespace { get; }

    public IReadOnlyList<ManifestDocument> Documents { get; }

    public static PublishedManifests Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full))
        {
            throw DeploymentException.BadInput($"The publish output '{directory}' does not exist. Publish first (aspire publish -o {directory}) or pass the folder that holds kustomization.yaml.");
        }

        var documents = new List<ManifestDocument>();
        var @namespace = LoadKustomization(full, full, documents, new HashSet<string>(StringComparer.Ordinal));
        if (documents.Count == 0)
        {
            throw DeploymentException.BadInput($"The publish output '{directory}' lists no Kubernetes objects in its kustomization.yaml resources.");
        }

        var duplicate = documents.GroupBy(d => d.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw DeploymentException.BadInput($"{duplicate.First().Display} is defined twice ({string.Join(", ", duplicate.Select(d => d.Source))}); keep one.");
        }

        return new PublishedManifests(full, @namespace, documents);
    }

    private static string? LoadKustomization(string root, string directory, List<ManifestDocument> documents, HashSet<string> visited)
    {
        if (!visited.Add(directory))
        {
            throw DeploymentException.BadInput($"{directory} is included twice by kustomization resources.");
        }

        var file = KustomizationFileNames.Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists)
            ?? throw DeploymentException.BadInput($"{directory} has no kustomization.yaml: it is not a publish output. Publish with the Kubernetes environment (aspire publish) and pass its output folder.");

        var kustomization = ParseYaml(file).SingleOrDefault() as JsonObject
            ?? throw DeploymentException.BadInput($"{file} is not a kustomization (a YAML mapping with resources).");
        var unsupported = kustomization.Select(p => p.Key).Where(k => !SupportedKustomizationFields.Contains(k)).ToList();
        if (unsupported.Count > 0)
        {
            throw DeploymentException.BadInput(
                $"{file} uses kustomize features the provisioner does not apply ({string.Join(", ", unsupported)}). Apply it with `kubectl apply -k {directory}` or publish without them.");
        }

        var @namespace = kustomization["namespace"] switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            _ => throw DeploymentException.BadInput($"{file}: namespace must be a name (text)."),
        };
        var resources = kustomization["resources"] switch
        {
            null => [],
            JsonArray list => list,
            _ => throw DeploymentException.BadInput($"{file}: resources must be a list of files and folders."),
        };
        foreach (var entry in resources)
        {
            var relative = entry is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0
                ? text
                : throw DeploymentException.BadInput($"{file}: every entry of resources must be a file or folder name; one is {(entry is null ? "empty" : entry.GetValueKind().ToString().ToLowerInvariant())}.");
            if (relative.Contains("://", StringComparison.Ordinal) || relative.StartsWith("github.com/", StringComparison.Ordinal))
            {
                throw DeploymentException.BadInput($"{file}: remote resource '{relative}' is not supported; download it into the publish output.");
            }

            var path = Path.GetFullPath(Path.Combine(directory, relative));
            var inside = Path.GetRelativePath(root, path);
            if (inside == ".." || inside.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(inside))
            {
                throw DeploymentException.BadInput(
                    $"{file} lists '{relative}', which is outside the publish output {root}. Deploy applies only what the output holds: copy it in, or apply it separately.");
            }

            var before = documents.Count;
            if (System.IO.Directory.Exists(path))
            {
                LoadKustomization(root, path, documents, visited);
            }
            else if (File.Exists(path))
            {
                documents.AddRange(LoadFile(path));
            }
            else
            {
                throw DeploymentException.BadInput($"{file} lists '{relative}', which does not exist. Publish again to regenerate the output.");
            }

            if (@namespace is not null)
            {
                for (var i = before; i < documents.Count; i++)
                {
                    if (documents[i].Namespace is not null)
                    {
                        documents[i] = documents[i].InNamespace(@namespace);
                    }
                }
            }
        }

        return @namespace;
    }

    private static IEnumerable<ManifestDocument> LoadFile(string path)
    {
        var index = 0;
        foreach (var node in ParseYaml(path))
        {
            index++;
            if (node is null)
            {
                continue;
            }

            var source = $"{Path.GetFileName(path)} document {index}";
            var body = node as JsonObject ?? throw DeploymentException.BadInput($"{source} is not a Kubernetes object (a mapping with apiVersion, kind, metadata).");
            if (JsonText.Of(body["kind"]) == "List" && body["items"] is JsonArray items)
            {
                foreach (var item in items.OfType<JsonObject>())
                {
                    yield return ToDocument((JsonObject)item.DeepClone(), source);
                }

                continue;
            }

            yield return ToDocument(body, source);
        }
    }

    private static ManifestDocument ToDocument(JsonObject body, string source)
    {
        var apiVersion = JsonText.Of(body["apiVersion"]) ?? throw DeploymentException.BadInput($"{source} has no apiVersion.");
        var kind = JsonText.Of(body["kind"]) ?? throw DeploymentException.BadInput($"{source} has no kind.");
        var metadata = body["metadata"] as JsonObject;
        var name = metadata is null ? null : JsonText.Of(metadata["name"]);
        if (string.IsNullOrEmpty(name))
        {
            throw DeploymentException.BadInput($"{source} ({kind}) has no metadata.name.");
        }

        var @namespace = metadata is null ? null : JsonText.Of(metadata["namespace"]);
        return new ManifestDocument(apiVersion, kind, name, string.IsNullOrEmpty(@namespace) ? null : @namespace, body, source);
    }

    private static IReadOnlyList<JsonNode?> ParseYaml(string path)
    {
        try
        {
            return YamlJsonConversion.LoadAll(BoundedYaml.ReadFile(path, "The manifest"));
        }
        catch (FormatException e)
        {
            throw DeploymentException.BadInput(e.Message);
        }
        catch (YamlException e)
        {
            throw DeploymentException.BadInput($"{path} is not valid YAML (line {e.Start.Line}, column {e.Start.Column}): {e.Message}");
        }
    }
}
