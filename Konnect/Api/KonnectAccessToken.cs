namespace KonnectAspire.Konnect.Api;

/// <summary>
/// A Konnect access token: a personal access token (<c>kpat_…</c>) or a system account token (<c>spat_…</c>).
/// Its value never appears in <see cref="ToString"/>, exception messages or logs.
/// </summary>
public sealed class KonnectAccessToken
{
    /// <summary>The prefix of a personal access token.</summary>
    public const string PersonalPrefix = "kpat_";

    /// <summary>The prefix of a system account access token.</summary>
    public const string SystemAccountPrefix = "spat_";

    /// <summary>Where a newcomer creates a personal access token, said in every message about a missing or rejected token.</summary>
    public const string HowToCreate =
        "Create a personal access token in Konnect (https://cloud.konghq.com/global/account/tokens: your account menu > " +
        "Personal access tokens > Generate token) or a system account token (Organization > System accounts), " +
        "then give it to this tool without putting it on a command line.";

    private KonnectAccessToken(string value) => Value = value;

    /// <summary>Whether this is a system account token (<c>spat_</c>) rather than a personal one.</summary>
    public bool IsSystemAccount => Value.StartsWith(SystemAccountPrefix, StringComparison.Ordinal);

    internal string Value { get; }

    /// <summary>
    /// The token text, for the one place it must go as it is (a Kubernetes Secret the data planes read). It is a
    /// method, not a property, so no serializer, logger or debugger display picks it up; never print what it returns.
    /// </summary>
    public string Reveal() => Value;

    /// <summary>
    /// Checks and wraps a token, trimming surrounding whitespace (a token file usually ends with a newline).
    /// Throws <see cref="ArgumentException"/> with a message naming the fix, and never the token itself.
    /// </summary>
    /// <param name="value">The token text.</param>
    /// <param name="source">Where the token came from, for the message (e.g. "KONNECT_TOKEN").</param>
    public static KonnectAccessToken Parse(string? value, string source = "the token")
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        var token = value?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            throw new ArgumentException($"No Konnect token in {source}. {HowToCreate}", nameof(value));
        }

        if (!token.StartsWith(PersonalPrefix, StringComparison.Ordinal) && !token.StartsWith(SystemAccountPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The Konnect token in {source} does not start with {PersonalPrefix} (personal access token) or {SystemAccountPrefix} " +
                $"(system account token), so Konnect would reject it. {HowToCreate}",
                nameof(value));
        }

        if (token.Length <= PersonalPrefix.Length || token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException(
                $"The Konnect token in {source} is cut short or contains spaces or line breaks; copy it again whole. {HowToCreate}",
                nameof(value));
        }

        return new KonnectAccessToken(token);
    }

    /// <summary>The kind of token, never its value.</summary>
    public override string ToString() => IsSystemAccount ? $"{SystemAccountPrefix}*** (system account token)" : $"{PersonalPrefix}*** (personal access token)";
}
