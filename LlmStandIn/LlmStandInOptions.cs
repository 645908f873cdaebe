namespace KonnectAspire.LlmStandIn;

/// <summary>Settings of the stand-in, bound from the "LlmStandIn" configuration section.</summary>
internal sealed class LlmStandInOptions
{
    /// <summary>
    /// When set, every /v1 request must carry "Authorization: Bearer {ApiKey}", as a real provider would; Kong's
    /// ai-proxy adds that header, so a set key proves the request came through the gateway.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The models GET /v1/models lists (default: <see cref="DefaultModels"/>). Any model name is answered; these
    /// are only advertised.
    /// </summary>
    public IList<string> Models { get; } = [];

    public static IReadOnlyList<string> DefaultModels { get; } = ["gpt-4o-mini", "text-embedding-3-small"];
}
