namespace KonnectAspire.Konnect.Gateway.Ai;

/// <summary>Which tokens of each LLM call count against an AI rate limit.</summary>
public enum AiTokenCountStrategy
{
    /// <summary>Prompt and completion tokens (Kong's <c>total_tokens</c>).</summary>
    TotalTokens,

    /// <summary>Only the prompt's tokens (<c>prompt_tokens</c>).</summary>
    PromptTokens,

    /// <summary>Only the answer's tokens (<c>completion_tokens</c>).</summary>
    CompletionTokens,
}
