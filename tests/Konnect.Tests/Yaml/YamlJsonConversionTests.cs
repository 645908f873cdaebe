using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Yaml;
using YamlDotNet.Core;

namespace KonnectAspire.Konnect.Tests.Yaml;

public class YamlJsonConversionTests
{
    [Fact]
    public void Plain_scalars_take_the_core_schema_types_and_quoted_ones_stay_text()
    {
        var node = YamlJsonConversion.Load("""
            port: 80
            text: "80"
            on: true
            yes: yes
            none: ~
            ratio: 0.5
            """)!;

        Assert.Equal("""{"port":80,"text":"80","on":true,"yes":"yes","none":null,"ratio":0.5}""", node.ToJsonString());
    }

    [Fact]
    public void A_number_json_cannot_hold_is_refused_with_its_position_and_the_fix()
    {
        var error = Assert.Throws<YamlException>(() => YamlJsonConversion.Load("mode: 0o17"));

        Assert.Equal(7, error.Start.Column);
        Assert.Contains("quote it if it is text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Written_yaml_reads_back_as_the_same_json_with_look_alike_strings_quoted()
    {
        var json = JsonNode.Parse("""{"port":80,"text":"80","flag":"true","empty":"","list":[1,"null",{"a":null}]}""");

        var yaml = YamlJsonConversion.WriteYaml(json);

        Assert.Contains("text: \"80\"", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("...", yaml, StringComparison.Ordinal);
        Assert.Equal(json!.ToJsonString(), YamlJsonConversion.Load(yaml)!.ToJsonString());
    }

    [Fact]
    public void Every_document_of_a_stream_is_read_and_load_wants_exactly_one()
    {
        const string twoDocuments = "kind: A\n---\nkind: B\n";

        Assert.Equal(["A", "B"], YamlJsonConversion.LoadAll(twoDocuments).Select(d => (string?)d!["kind"]));
        var error = Assert.Throws<YamlException>(() => YamlJsonConversion.Load(twoDocuments));
        Assert.Contains("found 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_bomb_is_refused_before_it_is_expanded()
    {
        var bomb = "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + string.Join("\n", Enumerable.Range(1, 8).Select(i => $"{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(",", Enumerable.Repeat($"*{(char)('a' + i - 1)}", 10))}]"));

        var error = Assert.Throws<YamlException>(() => YamlJsonConversion.LoadAll(bomb));

        Assert.Contains("alias bomb", error.Message, StringComparison.Ordinal);
    }
}
