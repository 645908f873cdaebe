using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KonnectAspire.Konnect.Yaml;

/// <summary>
/// The project's one conversion between YAML and JSON, with the YAML 1.2 core schema: a plain <c>5</c> in kong.yaml or
/// a manifest is a number, a quoted <c>"5"</c> stays a string (and is written back quoted). decK files, Kubernetes
/// manifests of any kind (the typed models drop what they do not know) and the tests all read and write through it.
/// </summary>
public static partial class YamlJsonConversion
{
    private const string StringTag = "tag:yaml.org,2002:str";

    /// <summary>Every document of <paramref name="yaml"/> as JSON, read within <see cref="BoundedYaml"/>'s bounds.</summary>
    /// <exception cref="YamlException">Invalid YAML, a bound exceeded, or a value JSON cannot hold, with the position.</exception>
    public static IReadOnlyList<JsonNode?> LoadAll(string yaml)
    {
        var stream = BoundedYaml.Load(yaml);
        return [.. stream.Documents.Select(d => ToJson(d.RootNode, (node, message) => new YamlException(node.Start, node.End, message)))];
    }

    /// <summary>The single document of <paramref name="yaml"/> as JSON.</summary>
    /// <exception cref="YamlException">Invalid YAML, a bound exceeded, or not exactly one document.</exception>
    public static JsonNode? Load(string yaml)
    {
        var documents = LoadAll(yaml);
        return documents.Count == 1
            ? documents[0]
            : throw new YamlException(Mark.Empty, Mark.Empty, $"expected one YAML document, found {documents.Count}");
    }

    /// <summary>The YAML text of <paramref name="node"/>: block style, no anchors, no closing <c>...</c>, LF line ends.</summary>
    public static string WriteYaml(JsonNode? node) => Write(ToYaml(node));

    /// <summary>The YAML text of one document rooted at <paramref name="root"/>, as <see cref="WriteYaml"/> writes it.</summary>
    public static string Write(YamlNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        // YamlDotNet closes the document with "..."; decK files and manifests do not carry it.
        var text = writer.ToString().ReplaceLineEndings("\n");
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    /// <summary>The JSON value of a YAML node; <paramref name="fail"/> builds the error for what JSON cannot hold.</summary>
    public static JsonNode? ToJson(YamlNode node, Func<YamlNode, string, Exception> fail)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var result = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: string name })
                        throw fail(key, "a config key must be a plain text key");
                    result[name] = ToJson(value, fail);
                }

                return result;
            case YamlSequenceNode sequence:
                return new JsonArray([.. sequence.Children.Select(child => ToJson(child, fail))]);
            case YamlScalarNode scalar:
                return ScalarToJson(scalar, fail);
            default:
                throw fail(node, "this kind of YAML node has no JSON equivalent");
        }
    }

    /// <summary>The YAML node for a JSON value; strings that would read back as something else are quoted.</summary>
    public static YamlNode ToYaml(JsonNode? node) => node switch
    {
        null => new YamlScalarNode("null"),
        JsonObject obj => new YamlMappingNode(obj.Select(pair => new KeyValuePair<YamlNode, YamlNode>(Text(pair.Key), ToYaml(pair.Value)))),
        JsonArray array => new YamlSequenceNode(array.Select(ToYaml)),
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => Text(node.GetValue<string>()),
            JsonValueKind.Null => new YamlScalarNode("null"),
            _ => new YamlScalarNode(node.ToJsonString()),
        },
    };

    /// <summary>A YAML scalar that reads back as exactly this string.</summary>
    public static YamlScalarNode Text(string value)
        => new(value) { Style = ResolvesToString(value) ? ScalarStyle.Any : ScalarStyle.DoubleQuoted };

    /// <summary>The text of a scalar that the core schema reads as a string (plain or quoted).</summary>
    public static bool IsString(YamlScalarNode scalar)
        => scalar.Style is not ScalarStyle.Plain || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == StringTag) ||
           ResolvesToString(scalar.Value ?? "");

    /// <summary>Whether a scalar is the core schema's null (~, null, or nothing at all).</summary>
    public static bool IsNull(YamlScalarNode scalar)
        => scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && NullPattern().IsMatch(scalar.Value ?? "");

    /// <summary>The boolean a plain scalar spells (true/True/TRUE/false/...), or null.</summary>
    public static bool? AsBoolean(YamlScalarNode scalar)
        => scalar.Style is ScalarStyle.Plain && BooleanPattern().IsMatch(scalar.Value ?? "")
            ? char.ToLowerInvariant(scalar.Value![0]) == 't'
            : null;

    private static JsonNode? ScalarToJson(YamlScalarNode scalar, Func<YamlNode, string, Exception> fail)
    {
        var text = scalar.Value ?? "";
        if (IsString(scalar))
            return JsonValue.Create(text);
        if (NullPattern().IsMatch(text))
            return null;
        if (AsBoolean(scalar) is bool flag)
            return JsonValue.Create(flag);
        if (IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            return JsonValue.Create(integer);
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return JsonValue.Create(number);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var large))
            return JsonValue.Create(large);
        throw fail(scalar, $"'{text}' is a number JSON cannot hold (infinity, NaN, octal or hex); quote it if it is text");
    }

    private static bool ResolvesToString(string text)
        => !(NullPattern().IsMatch(text) || BooleanPattern().IsMatch(text) || IntegerPattern().IsMatch(text) ||
             FloatPattern().IsMatch(text) || OtherNumberPattern().IsMatch(text));

    [GeneratedRegex("^(|~|null|Null|NULL)$")]
    private static partial Regex NullPattern();

    [GeneratedRegex("^(true|True|TRUE|false|False|FALSE)$")]
    private static partial Regex BooleanPattern();

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^(0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex OtherNumberPattern();
}
