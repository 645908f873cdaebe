using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace KonnectAspire.Provisioner.Commands.Cluster;

/// <summary>A line diff (DiffPlex) cut into hunks with a few lines of context, like `diff -u`.</summary>
internal static class LineDiff
{
    public static IReadOnlyList<string> Unified(IReadOnlyList<string> before, IReadOnlyList<string> after, int context = 3)
    {
        var lines = Compare(before, after);
        var changed = lines.Select((l, i) => (l, i)).Where(x => x.l[0] != ' ').Select(x => x.i).ToList();
        var result = new List<string>();
        var shownUpTo = -1;
        foreach (var index in changed)
        {
            var from = Math.Max(index - context, shownUpTo + 1);
            if (from > shownUpTo + 1 && result.Count > 0)
            {
                result.Add("  …");
            }

            var to = Math.Min(index + context, lines.Count - 1);
            for (var i = from; i <= to; i++)
            {
                result.Add(lines[i]);
            }

            shownUpTo = Math.Max(shownUpTo, to);
        }

        return result;
    }

    // DiffPlex's Myers diff, line by line; whitespace counts (it is YAML indentation).
    private static List<string> Compare(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var model = InlineDiffBuilder.Diff(string.Join('\n', before), string.Join('\n', after), ignoreWhiteSpace: false, ignoreCase: false);
        return [.. model.Lines.Select(line => line.Type switch
        {
            ChangeType.Deleted => "- ",
            ChangeType.Inserted => "+ ",
            _ => "  ",
        } + line.Text)];
    }
}
