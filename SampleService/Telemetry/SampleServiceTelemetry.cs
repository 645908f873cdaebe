using System.Diagnostics;

namespace KonnectAspire.SampleService.Telemetry;

/// <summary>The service's own activity source; ServiceDefaults subscribes to the application name, which this matches.</summary>
internal static class SampleServiceTelemetry
{
    public const string SourceName = "KonnectAspire.SampleService";

    public static readonly ActivitySource ActivitySource = new(SourceName);
}
