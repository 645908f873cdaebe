using System.Text.Json.Nodes;

namespace Aspire.Hosting.Kong.Ai;

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

    /// <summary>The secret name in a vault reference this class made, e.g. ai-llm-auth in {vault://env/ai-llm-auth}.</summary>
    public static bool TryParseVaultReference(string value, out string secretName)
    {
        const string Prefix = "{vault://env/";
        var isReference = value.StartsWith(Prefix, StringComparison.Ordinal) && value.EndsWith('}') && value.Length > Prefix.Length + 1;
        secretName = isReference ? value[Prefix.Length..^1] : "";
        return isReference;
    }

    /// <summary>Every vault reference in a plugin config, with the JSON pointer (RFC 6901) of the field that holds it.</summary>
    public static IEnumerable<(string Pointer, string SecretName)> VaultReferences(JsonObject config, string pointer = "")
    {
        foreach (var (key, value) in config)
        {
            var path = $"{pointer}/{key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";
            if (value is JsonObject child)
            {
                foreach (var reference in VaultReferences(child, path))
                {
                    yield return reference;
                }
            }
            else if (value is JsonValue scalar && scalar.TryGetValue<string>(out var text) && TryParseVaultReference(text, out var name))
            {
                yield return (path, name);
            }
        }
    }
}
