using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;

namespace KonnectAspire.Provisioner.Kubernetes;

/// <summary>Durations written the way kubectl takes them: 90s, 10m, 1h30m, 1.5s, 250ms (or a plain TimeSpan, 00:10:00).</summary>
internal static partial class Durations
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration > TimeSpan.Zero;
        }

        var matches = Part().Matches(text);
        if (matches.Count == 0 || string.Concat(matches.Select(m => m.Value)) != text)
        {
            return false;
        }

        foreach (Match match in matches)
        {
            var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            duration += match.Groups["unit"].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                _ => TimeSpan.FromHours(value),
            };
        }

        return duration > TimeSpan.Zero;
    }

    /// <summary>An option taking a duration, with a parse error that shows how to write one.</summary>
    public static Option<TimeSpan> CreateOption(string name, TimeSpan defaultValue, string description) => new(name)
    {
        Description = description + ".",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => Parse(name, result),
    };

    public static string Format(TimeSpan duration) =>
        duration.TotalSeconds < 1 ? $"{duration.TotalMilliseconds:0}ms"
        : duration.TotalMinutes < 1 ? $"{duration.TotalSeconds:0.#}s"
        : duration.TotalHours < 1 ? $"{(int)duration.TotalMinutes}m{(duration.Seconds > 0 ? $"{duration.Seconds}s" : "")}"
        : $"{(int)duration.TotalHours}h{(duration.Minutes > 0 ? $"{duration.Minutes}m" : "")}";

    private static TimeSpan Parse(string name, ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (TryParse(text, out var duration))
        {
            return duration;
        }

        result.AddError($"{name} '{text}' is not a duration: write it like 90s, 10m or 1h30m.");
        return default;
    }

    [GeneratedRegex(@"(?<value>[0-9]+(\.[0-9]+)?)(?<unit>ms|s|m|h)")]
    private static partial Regex Part();
}
