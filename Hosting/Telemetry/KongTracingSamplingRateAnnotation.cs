using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Kong.Telemetry;

/// <summary>The share of requests a data plane group traces (kong.conf <c>tracing_sampling_rate</c>).</summary>
/// <param name="Rate">From 0 (none) to 1 (every request).</param>
internal sealed record KongTracingSamplingRateAnnotation(double Rate) : IResourceAnnotation
{
    /// <summary>Every request locally, so each one shows up in the dashboard's Traces view.</summary>
    public const double DefaultRate = 1.0;
}
