using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Yaml;

namespace KonnectAspire.Hosting.Tests.Kubernetes;

/// <summary>One Kubernetes document of the publish output, as JSON, with the file it came from.</summary>
internal sealed record PublishedDocument(string File, JsonObject Node)
{
    public string ApiVersion => Node["apiVersion"]!.GetValue<string>();

    public string Kind => Node["kind"]!.GetValue<string>();

    public string Name => Node["metadata"]!["name"]!.GetValue<string>();

    public override string ToString() => $"{File}: {Kind} {Name}";

    /// <summary>Every Kubernetes document of the rendered files that kustomization.yaml lists.</summary>
    public static IReadOnlyList<PublishedDocument> From(IReadOnlyList<(string Name, string Content)> files)
    {
        var kustomization = YamlJsonConversion.Load(files.Single(f => f.Name == "kustomization.yaml").Content)!;
        var listed = kustomization["resources"]!.AsArray().Select(r => r!.GetValue<string>()).ToHashSet();
        return [.. files.Where(f => listed.Contains(f.Name)).SelectMany(f => YamlJsonConversion.LoadAll(f.Content).Select(n => new PublishedDocument(f.Name, n!.AsObject())))];
    }

    /// <summary>The pod templates of Deployments and Kong Operator DataPlanes, with their owner.</summary>
    public static IEnumerable<(PublishedDocument Owner, JsonObject Template)> PodTemplates(IEnumerable<PublishedDocument> documents)
    {
        foreach (var document in documents)
        {
            var template = document.Kind switch
            {
                "Deployment" => document.Node["spec"]!["template"],
                "DataPlane" => document.Node["spec"]!["deployment"]!["podTemplateSpec"],
                _ => null,
            };
            if (template is JsonObject found)
            {
                yield return (document, found);
            }
        }
    }
}
