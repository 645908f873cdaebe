using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Gateway;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KonnectAspire.Provisioner.Kubernetes;

/// <summary>
/// Multi-document YAML to JSON and back for Kubernetes objects of any kind (the typed models drop what they do not
/// know), with the YAML 1.2 core-schema conversion kong.yaml uses: plain 80 is a number, quoted "80" stays a string.
/// </summary>
internal static class YamlJson
{
    public static IReadOnlyList<JsonNode?> LoadAll(string yaml)
    {
        var stream = BoundedYaml.Load(yaml);
        return stream.Documents.Select(d => YamlJsonConversion.ToJson(d.RootNode, (node, message) => new YamlException(node.Start, node.End, message))).ToList();
    }

    public static string ToYaml(JsonNode? node)
    {
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(YamlJsonConversion.ToYaml(node))).Save(writer, assignAnchors: false);
        var text = writer.ToString().ReplaceLineEndings("\n");
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }
}
