using System.Text.RegularExpressions;

namespace KonnectAspire.Provisioner.Tests.Readme;

/// <summary>
/// One ```bash block of README.md with the marker above it: <c>&lt;!-- readme: runnable --&gt;</c> (runs on a machine
/// with only the .NET SDK and Node.js, as CI), optionally <c>; expect: TEXT</c> for a line its output must contain, or
/// <c>&lt;!-- readme: needs docker|cluster|konnect|aws --&gt;</c>.
/// </summary>
public sealed partial record ReadmeShellBlock(int Line, string? Marker, string Script)
{
    public bool IsRunnable => Marker is not null && Marker.StartsWith("runnable", StringComparison.Ordinal);

    /// <summary>The text after <c>expect:</c> in a runnable marker, or null.</summary>
    public string? ExpectedOutput
    {
        get
        {
            var match = Marker is null ? null : ExpectPattern().Match(Marker);
            return match is { Success: true } ? match.Groups[1].Value.Trim() : null;
        }
    }

    /// <summary>The commands of the block: comments dropped, backslash continuations joined, blank lines skipped.</summary>
    public IEnumerable<string> Commands()
    {
        var pending = string.Empty;
        foreach (var raw in Script.Split('\n'))
        {
            var line = StripComment(raw).TrimEnd();
            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var command = (pending + line).Trim();
            pending = string.Empty;
            if (command.Length > 0)
            {
                yield return command;
            }
        }
    }

    public static IReadOnlyList<ReadmeShellBlock> Parse(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<ReadmeShellBlock>();
        for (var index = 0; index < lines.Length; index++)
        {
            if (!lines[index].TrimEnd().Equals("```bash", StringComparison.Ordinal))
            {
                continue;
            }

            var start = index;
            var body = new List<string>();
            for (index++; index < lines.Length && !lines[index].StartsWith("```", StringComparison.Ordinal); index++)
            {
                body.Add(lines[index]);
            }

            var marker = start > 0 ? MarkerPattern().Match(lines[start - 1]) : Match.Empty;
            blocks.Add(new ReadmeShellBlock(start + 1, marker.Success ? marker.Groups[1].Value.Trim() : null, string.Join('\n', body)));
        }

        return blocks;
    }

    // A '#' starts a comment at the line start or after whitespace, outside quotes (enough for the README's commands)
    private static string StripComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }

        return line;
    }

    [GeneratedRegex(@"^\s*<!--\s*readme:\s*(.+?)\s*-->\s*$")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"expect:\s*(.+)$")]
    private static partial Regex ExpectPattern();
}
