namespace Aspire.Hosting.Kong;

/// <summary>
/// Where published AI plugin configs take their secrets from: Kong's env vault (<c>{vault://env/name}</c> reads the
/// data plane's environment variable NAME, upper-cased with dashes as underscores), filled from a Kubernetes Secret.
/// </summary>
internal static class KongAiSecrets
{
    /// <summary>The port Redis listens on inside its own container or pod.</summary>
    public const int RedisPort = 6379;

    /// <summary>The secret holding the full API key header value of an LLM route ("Bearer sk-..." or the Anthropic key).</summary>
    public static string ApiKeySecretName(string routeName) => $"ai-{routeName}-auth";

    /// <summary>The secret holding the password of a Redis vector database.</summary>
    public static string RedisPasswordSecretName(string redisName) => $"{redisName}-password";

    public static string VaultReference(string secretName) => $"{{vault://env/{secretName}}}";

    /// <summary>The environment variable Kong's env vault reads for <paramref name="secretName"/>.</summary>
    public static string EnvironmentVariable(string secretName) => secretName.ToUpperInvariant().Replace('-', '_');
}
