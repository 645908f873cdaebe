namespace KonnectAspire.SampleService.Diagnostics;

/// <summary>The answer of GET /delay.</summary>
public sealed record DelayResult(int DelayedMilliseconds);
