using System.Text.RegularExpressions;

namespace KonnectAspire.Provisioner.Kubernetes;

/// <summary>
/// One key of a Secret deploy creates, and where its value comes from: an environment variable
/// (--secret-from-env NAME/KEY=VARIABLE) or a file (--secret-from-file NAME/KEY=PATH). The value itself is never on
/// the command line.
/// </summary>
internal sealed partial record SecretKeySource(string Name, string Key, string Source, bool FromFile)
{
    public const string FromEnvironmentOption = "--secret-from-env";
    public const string FromFileOption = "--secret-from-file";

    public string Option => FromFile ? FromFileOption : FromEnvironmentOption;

    public string Display => $"{Option} {Name}/{Key}={Source}";

    public static SecretKeySource Parse(string text, bool fromFile)
    {
        var option = fromFile ? FromFileOption : FromEnvironmentOption;
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var slash = equals < 0 ? -1 : text.IndexOf('/', 0, equals);
        if (slash <= 0 || equals == slash + 1 || equals == text.Length - 1)
        {
            throw CommandFailedException.BadInput(
                $"{option} {text}: expected NAME/KEY={(fromFile ? "PATH" : "VARIABLE")}, e.g. {option} kong-ai-credentials/ai-llm-auth={(fromFile ? "./llm-auth.txt" : "AI_LLM_AUTH")}.");
        }

        var (name, key, source) = (text[..slash], text[(slash + 1)..equals], text[(equals + 1)..]);
        if (name.Length > 253 || !NamePattern().IsMatch(name))
        {
            throw CommandFailedException.BadInput($"{option} {text}: {name} is not a Secret name (lower-case letters, digits, '-' and '.').");
        }

        if (key.Length > 253 || !KeyPattern().IsMatch(key))
        {
            throw CommandFailedException.BadInput($"{option} {text}: {key} is not a Secret key (letters, digits, '-', '_' and '.').");
        }

        return new SecretKeySource(name, key, source, fromFile);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[-._a-zA-Z0-9]+$")]
    private static partial Regex KeyPattern();
}
