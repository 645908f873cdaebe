namespace KonnectAspire.Konnect.Gateway.Ai;

/// <summary>At most <see cref="Tokens"/> LLM tokens per <see cref="Window"/>.</summary>
public sealed record AiTokenLimit
{
    /// <summary>Creates a limit, checking it is one Kong accepts.</summary>
    /// <param name="tokens">The token budget per window; at least 1.</param>
    /// <param name="window">The window; whole seconds, at least one second.</param>
    /// <exception cref="ArgumentOutOfRangeException">A budget below 1, or a window that is not whole seconds of at least 1.</exception>
    public AiTokenLimit(long tokens, TimeSpan window)
    {
        if (tokens < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(tokens), tokens, "An AI token limit needs a budget of at least 1 token per window.");
        }

        if (window < TimeSpan.FromSeconds(1) || window.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(window), window, "An AI token limit window is whole seconds, at least one (e.g. TimeSpan.FromMinutes(1)).");
        }

        Tokens = tokens;
        Window = window;
    }

    /// <summary>The token budget per window.</summary>
    public long Tokens { get; }

    /// <summary>The window the budget applies to.</summary>
    public TimeSpan Window { get; }
}
