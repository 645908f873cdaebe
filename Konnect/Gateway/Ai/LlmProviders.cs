namespace KonnectAspire.Konnect.Gateway.Ai;

/// <summary>The LLM providers an LLM route can use, by the names Kong's <c>ai-proxy</c> plugin knows them.</summary>
public static class LlmProviders
{
    /// <summary>OpenAI (and any OpenAI-compatible endpoint, such as the local LLM stand-in).</summary>
    public const string OpenAI = "openai";

    /// <summary>Anthropic (Claude models).</summary>
    public const string Anthropic = "anthropic";

    /// <summary>Mistral AI.</summary>
    public const string Mistral = "mistral";

    /// <summary>Amazon Bedrock, authenticated with AWS credentials or the pod's identity.</summary>
    public const string Bedrock = "bedrock";

    /// <summary>Every provider this project supports, in the order error messages list them.</summary>
    public static IReadOnlyList<string> All { get; } = [OpenAI, Anthropic, Mistral, Bedrock];

    /// <summary>Returns <paramref name="provider"/> in Kong's spelling, or throws naming the supported providers.</summary>
    /// <param name="provider">A provider name, in any case.</param>
    /// <param name="paramName">The argument the name came from, for the exception.</param>
    /// <returns>The lower-case provider name.</returns>
    /// <exception cref="ArgumentException">The provider is not one of <see cref="All"/>.</exception>
    public static string Validate(string provider, string paramName = "provider")
    {
        if (string.IsNullOrWhiteSpace(provider))
        {
            throw new ArgumentException($"An LLM provider is required: use one of {string.Join(", ", All)}.", paramName);
        }

        var known = All.FirstOrDefault(p => string.Equals(p, provider.Trim(), StringComparison.OrdinalIgnoreCase));
        return known ?? throw new ArgumentException(
            $"Unknown LLM provider '{provider}': use one of {string.Join(", ", All)}.", paramName);
    }

    /// <summary>
    /// The provider's public API, which the Kong service of an LLM route names (ai-proxy sets the real target and
    /// path of each call itself).
    /// </summary>
    /// <param name="provider">One of <see cref="All"/>.</param>
    /// <param name="awsRegion">The AWS region, for Bedrock.</param>
    /// <returns>An https base address.</returns>
    /// <exception cref="ArgumentException">Unknown provider, or Bedrock without a region.</exception>
    public static Uri ApiBaseAddress(string provider, string? awsRegion = null) => Validate(provider) switch
    {
        OpenAI => new Uri("https://api.openai.com"),
        Anthropic => new Uri("https://api.anthropic.com"),
        Mistral => new Uri("https://api.mistral.ai"),
        _ when string.IsNullOrWhiteSpace(awsRegion) => throw new ArgumentException("Bedrock needs an AWS region (for example us-east-1).", nameof(awsRegion)),
        _ => new Uri($"https://bedrock-runtime.{awsRegion}.amazonaws.com"),
    };
}
