namespace KonnectAspire.Provisioner.Deploy;

/// <summary>A line diff (longest common subsequence) cut into hunks with a few lines of context, like `diff -u`.</summary>
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

    private static List<string> Compare(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var common = new int[before.Count + 1, after.Count + 1];
        for (var i = before.Count - 1; i >= 0; i--)
        {
            for (var j = after.Count - 1; j >= 0; j--)
            {
                common[i, j] = before[i] == after[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var lines = new List<string>(before.Count + after.Count);
        int b = 0, a = 0;
        while (b < before.Count || a < after.Count)
        {
            if (b < before.Count && a < after.Count && before[b] == after[a])
            {
                lines.Add("  " + before[b++]);
                a++;
            }
            else if (b < before.Count && (a == after.Count || common[b + 1, a] >= common[b, a + 1]))
            {
                lines.Add("- " + before[b++]);
            }
            else
            {
                lines.Add("+ " + after[a++]);
            }
        }

        return lines;
    }
}
