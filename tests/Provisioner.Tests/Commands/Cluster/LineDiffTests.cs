using KonnectAspire.Provisioner.Commands.Cluster;

namespace KonnectAspire.Provisioner.Tests.Commands.Cluster;

public class LineDiffTests
{
    private static string[] Numbered(int count) => [.. Enumerable.Range(1, count).Select(i => $"line {i}")];

    [Fact]
    public void Changes_far_apart_are_two_hunks_with_three_lines_of_context_and_an_ellipsis_between()
    {
        var before = Numbered(20);
        var after = before.ToArray();
        after[2] = "line 3 changed";
        after[16] = "line 17 changed";

        var diff = LineDiff.Unified(before, after);

        Assert.Equal(
            ["  line 1", "  line 2", "- line 3", "+ line 3 changed", "  line 4", "  line 5", "  line 6", "  …",
             "  line 14", "  line 15", "  line 16", "- line 17", "+ line 17 changed", "  line 18", "  line 19", "  line 20"],
            diff);
    }

    [Fact]
    public void Indentation_is_a_change_because_it_is_yaml_structure()
    {
        var diff = LineDiff.Unified(["spec:", "  replicas: 2"], ["spec:", "replicas: 2"]);

        Assert.Equal(["  spec:", "-   replicas: 2", "+ replicas: 2"], diff);
    }

    [Fact]
    public void Equal_texts_have_no_diff_and_an_inserted_line_shows_alone()
    {
        Assert.Empty(LineDiff.Unified(Numbered(5), Numbered(5)));
        Assert.Equal(["  line 1", "+ new", "  line 2", "  line 3", "  line 4"], LineDiff.Unified(Numbered(5), ["line 1", "new", .. Numbered(5)[1..]]));
    }
}
