using Aspire.Hosting.Kong.Telemetry;
namespace Aspire.Hosting.Kong.DataPlanes;

/// <summary>
/// The kong.conf settings every data plane gets whatever runs it, the local containers and both publish flavours
/// alike: no Kong Manager (a data plane serves no Admin API for it), and a client body buffer that holds the largest
/// body an LLM route of its control plane accepts. Tracing is <see cref="KongTracingSettings"/>.
/// </summary>
internal static class KongDataPlaneSettings
{
    /// <param name="maxRequestBodySizes">The <c>max_request_body_size</c> of each LLM route of the control plane.</param>
    public static IReadOnlyList<KeyValuePair<string, string>> For(IEnumerable<int> maxRequestBodySizes) =>
    [
        new("KONG_ADMIN_GUI_LISTEN", "off"),
        new(KongRequestBodyBuffer.EnvironmentVariable, KongRequestBodyBuffer.For(maxRequestBodySizes)),
    ];
}
