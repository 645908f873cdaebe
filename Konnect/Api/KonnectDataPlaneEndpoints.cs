using System.Globalization;

namespace KonnectAspire.Konnect.Api;

/// <summary>
/// Where the data planes of a Konnect control plane connect: the control-plane (configuration) endpoint and the
/// telemetry endpoint, each a host on port 443 whose name is also the TLS server name.
/// </summary>
/// <param name="ControlPlaneHost">e.g. <c>1a2b3c.us.cp.konghq.com</c>.</param>
/// <param name="ControlPlanePort">Usually 443.</param>
/// <param name="TelemetryHost">e.g. <c>1a2b3c.us.tp0.konghq.com</c>.</param>
/// <param name="TelemetryPort">Usually 443.</param>
public sealed record KonnectDataPlaneEndpoints(string ControlPlaneHost, int ControlPlanePort, string TelemetryHost, int TelemetryPort)
{
    /// <summary><c>host:port</c> for <c>KONG_CLUSTER_CONTROL_PLANE</c>.</summary>
    public string ControlPlane => $"{ControlPlaneHost}:{ControlPlanePort.ToString(CultureInfo.InvariantCulture)}";

    /// <summary><c>host:port</c> for <c>KONG_CLUSTER_TELEMETRY_ENDPOINT</c>.</summary>
    public string Telemetry => $"{TelemetryHost}:{TelemetryPort.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The endpoints of <paramref name="controlPlane"/>; throws when Konnect gave none (e.g. a serverless control plane).</summary>
    /// <param name="controlPlane">The control plane as Konnect returned it.</param>
    public static KonnectDataPlaneEndpoints From(KonnectControlPlane controlPlane)
    {
        ArgumentNullException.ThrowIfNull(controlPlane);
        var cp = controlPlane.Config.ControlPlaneEndpoint;
        var tp = controlPlane.Config.TelemetryEndpoint;
        if (cp is null || tp is null || !cp.IsAbsoluteUri || !tp.IsAbsoluteUri)
        {
            throw new KonnectApiException(
                $"Control plane '{controlPlane.Name}' has no control-plane or telemetry endpoint; only a hybrid control plane " +
                "(cluster type CLUSTER_TYPE_CONTROL_PLANE) accepts self-managed data planes.",
                (System.Net.HttpStatusCode?)null);
        }

        return new KonnectDataPlaneEndpoints(cp.Host, cp.IsDefaultPort ? 443 : cp.Port, tp.Host, tp.IsDefaultPort ? 443 : tp.Port);
    }

    /// <summary>
    /// The four <c>KONG_*</c> settings that point a data plane at this control plane: <c>KONG_CLUSTER_CONTROL_PLANE</c>,
    /// <c>KONG_CLUSTER_SERVER_NAME</c>, <c>KONG_CLUSTER_TELEMETRY_ENDPOINT</c>, <c>KONG_CLUSTER_TELEMETRY_SERVER_NAME</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> ToEnvironment() => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["KONG_CLUSTER_CONTROL_PLANE"] = ControlPlane,
        ["KONG_CLUSTER_SERVER_NAME"] = ControlPlaneHost,
        ["KONG_CLUSTER_TELEMETRY_ENDPOINT"] = Telemetry,
        ["KONG_CLUSTER_TELEMETRY_SERVER_NAME"] = TelemetryHost,
    };
}
