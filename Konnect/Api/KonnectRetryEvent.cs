namespace KonnectAspire.Konnect.Api;

/// <summary>A call to Konnect is about to be retried.</summary>
/// <param name="Attempt">The retry about to happen, from 1.</param>
/// <param name="Delay">How long the client waits first (Konnect's <c>Retry-After</c> when it sent one).</param>
/// <param name="StatusCode">The HTTP status that caused the retry, or null for a timeout or a network failure.</param>
/// <param name="Operation">What was being done, e.g. "create control plane".</param>
public sealed record KonnectRetryEvent(int Attempt, TimeSpan Delay, int? StatusCode, string Operation);
