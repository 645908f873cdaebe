using System.Text.RegularExpressions;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>
/// One key of a Secret deploy creates, and where its value comes from: an environment variable
/// (--secret-from-env NAME/KEY=VARIABLE) or a file (--secret-from-file NAME/KEY=PATH). The value itself is never on
/// the command line.
/// </summary>
public sealed partial record SecretKeySource(string Name, string Key, string Source, bool FromFile)
{
    public const string FromEnvironmentOption = "--secret-from-env";
    public const string FromFileOption = "--secret-from-file";

    /// <summary>How the caller names where this came from in its messages: the CLI option, or a configuration key.</summary>
    public string Option { get; init; } = FromFile ? FromFileOption : FromEnvironmentOption;

    public string Display => $"{Option} {Name}/{Key}={Source}";

    /// <summary>
    /// Reads NAME/KEY=SOURCE. Errors never repeat <paramref name="text"/>: a value given where its variable or file
    /// belongs would otherwise be printed. Only the parts already checked (Secret name, key) are named.
    /// <paramref name="option"/> is what messages call the input (default: the Provisioner's option).
    /// </summary>
    public static SecretKeySource Parse(string text, bool fromFile, string? option = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        option ??= fromFile ? FromFileOption : FromEnvironmentOption;
        var example = $"{option} kong-ai-credentials/ai-llm-auth={(fromFile ? "./llm-auth.txt" : "AI_LLM_AUTH")}";
        const string NotRepeated = "The argument is not repeated here, as it may hold the secret itself.";
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var slash = equals < 0 ? -1 : text.IndexOf('/', 0, equals);
        if (slash <= 0 || equals == slash + 1 || equals == text.Length - 1)
        {
            throw DeploymentException.BadInput(
                $"{option} expects NAME/KEY={(fromFile ? "PATH" : "VARIABLE")}, e.g. {example}; the value itself never goes on the command line. {NotRepeated}");
        }

        var (name, key, source) = (text[..slash], text[(slash + 1)..equals], text[(equals + 1)..]);
        if (name.Length > 253 || !NamePattern().IsMatch(name))
        {
            throw DeploymentException.BadInput(
                $"{option}: the part before '/' is not a Secret name (lower-case letters, digits, '-' and '.', at most 253), e.g. {example}. {NotRepeated}");
        }

        if (key.Length > 253 || !KeyPattern().IsMatch(key))
        {
            throw DeploymentException.BadInput(
                $"{option} {name}/…: the key is not a Secret key (letters, digits, '-', '_' and '.', at most 253), e.g. {example}. {NotRepeated}");
        }

        if (!fromFile && (source.Length > 255 || !VariablePattern().IsMatch(source)))
        {
            throw DeploymentException.BadInput(
                $"{option} {name}/{key}=…: what follows '=' is not an environment variable name (upper-case letters, digits and '_', not starting with a digit). "
                + $"Export the value in a variable and name the variable, e.g. {example}. {NotRepeated}");
        }

        return new SecretKeySource(name, key, source, fromFile) { Option = option };
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[-._a-zA-Z0-9]+$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[A-Z_][A-Z0-9_]*$")]
    private static partial Regex VariablePattern();
}
