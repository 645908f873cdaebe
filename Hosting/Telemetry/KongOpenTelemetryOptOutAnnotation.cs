using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Kong.Telemetry;

/// <summary>Marks a control plane whose gateway gets no OpenTelemetry plugin and whose data planes trace nothing.</summary>
internal sealed class KongOpenTelemetryOptOutAnnotation : IResourceAnnotation;
