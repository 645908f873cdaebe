using System.Globalization;
using System.Text.RegularExpressions;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>Durations written the way kubectl takes them: 90s, 10m, 1h30m, 1.5s, 250ms (or a plain TimeSpan, 00:10:00).</summary>
public static partial class Durations
{
    /// <summary>Reads <paramref name="text"/> as a positive duration.</summary>
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

    /// <summary>Writes <paramref name="duration"/> the way it is read: 250ms, 1.5s, 10m30s, 1h30m.</summary>
    public static string Format(TimeSpan duration) =>
        duration.TotalSeconds < 1 ? $"{duration.TotalMilliseconds:0}ms"
        : duration.TotalMinutes < 1 ? $"{duration.TotalSeconds:0.#}s"
        : duration.TotalHours < 1 ? $"{(int)duration.TotalMinutes}m{(duration.Seconds > 0 ? $"{duration.Seconds}s" : "")}"
        : $"{(int)duration.TotalHours}h{(duration.Minutes > 0 ? $"{duration.Minutes}m" : "")}";

    [GeneratedRegex(@"(?<value>[0-9]+(\.[0-9]+)?)(?<unit>ms|s|m|h)")]
    private static partial Regex Part();
}
