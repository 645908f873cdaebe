namespace KonnectAspire.SampleService.Diagnostics;

/// <summary>Bounds of GET /delay, from configuration section "SampleService:Delay".</summary>
public sealed class DelayOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "SampleService:Delay";

    /// <summary>The delay when the request gives none.</summary>
    public int DefaultMilliseconds { get; set; } = 100;

    /// <summary>The longest delay a request may ask for; keeps a load test from parking connections for minutes.</summary>
    public int MaxMilliseconds { get; set; } = 10_000;
}
