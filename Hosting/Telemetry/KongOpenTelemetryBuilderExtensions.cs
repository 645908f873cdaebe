using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Kong.Telemetry;

namespace Aspire.Hosting;

/// <summary>
/// Tunes the OpenTelemetry tracing that Kong control planes and data planes get by default: the <c>opentelemetry</c>
/// plugin sending each data plane's spans to the Aspire dashboard over OTLP/HTTP, with W3C trace context passed on to
/// the upstream services so one trace shows the gateway and the service.
/// </summary>
public static class KongOpenTelemetryBuilderExtensions
{
    /// <summary>
    /// Turns Kong tracing off for this control plane: no <c>opentelemetry</c> plugin is synced to it and its data planes
    /// record no spans. Use it when you configure the plugin yourself (with <c>WithPlugin</c> or a decK file).
    /// </summary>
    /// <typeparam name="T">The control plane resource type.</typeparam>
    /// <param name="builder">The control plane builder.</param>
    /// <returns>The same builder.</returns>
    public static IResourceBuilder<T> WithoutOpenTelemetry<T>(this IResourceBuilder<T> builder) where T : IKongControlPlaneResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new KongOpenTelemetryOptOutAnnotation(), ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>
    /// Sets the share of requests the data planes trace (kong.conf <c>tracing_sampling_rate</c>); 1.0, every request,
    /// by default locally.
    /// </summary>
    /// <param name="builder">The data plane group builder.</param>
    /// <param name="rate">From 0 (no request) to 1 (every request).</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is not between 0 and 1.</exception>
    public static IResourceBuilder<KongDataPlaneResource> WithTracingSamplingRate(this IResourceBuilder<KongDataPlaneResource> builder, double rate)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (double.IsNaN(rate) || rate is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(rate),
                rate,
                $"The tracing sampling rate of data plane '{builder.Resource.Name}' must be from 0 to 1 (0.25 traces one request in four); got {rate}.");
        }

        return builder.WithAnnotation(new KongTracingSamplingRateAnnotation(rate), ResourceAnnotationMutationBehavior.Replace);
    }
}
