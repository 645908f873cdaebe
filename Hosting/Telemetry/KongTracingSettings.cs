using System.Globalization;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Kong.Telemetry;

/// <summary>The kong.conf tracing settings of a data plane, the same locally and published.</summary>
internal static class KongTracingSettings
{
    /// <summary>
    /// <c>tracing_instrumentations = all</c> and <c>tracing_sampling_rate</c> of <paramref name="group"/>
    /// (<c>WithTracingSamplingRate</c>, or <see cref="KongTracingSamplingRateAnnotation.DefaultRate"/>).
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> For(KongDataPlaneResource group)
    {
        var rate = group.TryGetLastAnnotation<KongTracingSamplingRateAnnotation>(out var sampling)
            ? sampling.Rate
            : KongTracingSamplingRateAnnotation.DefaultRate;
        return For(rate);
    }

    /// <summary>As <see cref="For(KongDataPlaneResource)"/> with an explicit rate from 0 to 1.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> For(double rate) =>
    [
        new("KONG_TRACING_INSTRUMENTATIONS", "all"),
        new("KONG_TRACING_SAMPLING_RATE", rate.ToString("0.0###", CultureInfo.InvariantCulture)),
    ];

    /// <summary>Whether Kong tracing is on for the data planes of <paramref name="controlPlane"/> (no <c>WithoutOpenTelemetry()</c>).</summary>
    public static bool IsEnabled(IKongControlPlaneResource controlPlane) => !controlPlane.HasAnnotationOfType<KongOpenTelemetryOptOutAnnotation>();
}
