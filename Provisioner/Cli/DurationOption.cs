using System.CommandLine;
using System.CommandLine.Parsing;
using KonnectAspire.Deployment.Kubernetes;

namespace KonnectAspire.Provisioner.Cli;

/// <summary>Options that take a duration the way kubectl does (<see cref="Durations"/>).</summary>
internal static class DurationOption
{
    /// <summary>An option taking a duration, with a parse error that shows how to write one.</summary>
    public static Option<TimeSpan> Create(string name, TimeSpan defaultValue, string description) => new(name)
    {
        Description = description + ".",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => Parse(name, result),
    };

    private static TimeSpan Parse(string name, ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (Durations.TryParse(text, out var duration))
        {
            return duration;
        }

        result.AddError($"{name} '{text}' is not a duration: write it like 90s, 10m or 1h30m.");
        return default;
    }
}
