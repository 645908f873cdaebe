using System.Text.Json.Nodes;

namespace KonnectAspire.Konnect.Gateway.Ai;

/// <summary>
/// The config of Kong's <c>ai-rate-limiting-advanced</c> plugin (Kong Enterprise only): limits the tokens the
/// LLM route's provider spends, counted from the usage each answer reports. Counters are kept per data plane node
/// (strategy <c>local</c>, sliding windows).
/// </summary>
/// <param name="Provider">The provider of the LLM route the limits apply to, as the route's ai-proxy config names it.</param>
/// <param name="Limits">One or more limits, each a budget per window.</param>
public sealed record AiRateLimitingPluginConfig(string Provider, IReadOnlyList<AiTokenLimit> Limits)
{
    /// <summary>The plugin name.</summary>
    public const string PluginName = "ai-rate-limiting-advanced";

    /// <summary>Which tokens count; total by default.</summary>
    public AiTokenCountStrategy CountStrategy { get; init; } = AiTokenCountStrategy.TotalTokens;

    /// <summary>The plugin's <c>config</c> object (Kong Enterprise 3.10 schema).</summary>
    /// <returns>A new JSON object.</returns>
    /// <exception cref="ArgumentException">Unknown provider, no limit, or two limits with the same window.</exception>
    public JsonObject ToJson()
    {
        var provider = LlmProviders.Validate(Provider, nameof(Provider));
        if (Limits is null || Limits.Count == 0)
        {
            throw new ArgumentException("AI rate limiting needs at least one token limit, e.g. new AiTokenLimit(10_000, TimeSpan.FromMinutes(1)).", nameof(Limits));
        }

        var repeated = Limits.GroupBy(l => l.Window).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new ArgumentException($"AI rate limiting has two limits for the same {repeated.Key.TotalSeconds:0}-second window: keep one.", nameof(Limits));
        }

        return new JsonObject
        {
            ["llm_providers"] = new JsonArray(new JsonObject
            {
                ["name"] = provider,
                ["limit"] = new JsonArray(Limits.Select(l => (JsonNode)l.Tokens).ToArray()),
                ["window_size"] = new JsonArray(Limits.Select(l => (JsonNode)(long)l.Window.TotalSeconds).ToArray()),
            }),
            ["strategy"] = "local",
            ["window_type"] = "sliding",
            ["tokens_count_strategy"] = CountStrategy switch
            {
                AiTokenCountStrategy.PromptTokens => "prompt_tokens",
                AiTokenCountStrategy.CompletionTokens => "completion_tokens",
                _ => "total_tokens",
            },
        };
    }
}
