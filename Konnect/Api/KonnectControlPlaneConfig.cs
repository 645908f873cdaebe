namespace KonnectAspire.Konnect.Api;

/// <summary>The endpoints and cluster settings of a Konnect control plane.</summary>
public sealed record KonnectControlPlaneConfig
{
    /// <summary>Where data planes fetch configuration, e.g. <c>https://1a2b3c.us.cp.konghq.com</c>.</summary>
    public Uri? ControlPlaneEndpoint { get; init; }

    /// <summary>Where data planes send analytics, e.g. <c>https://1a2b3c.us.tp0.konghq.com</c>.</summary>
    public Uri? TelemetryEndpoint { get; init; }

    /// <summary>The cluster type, e.g. <c>CLUSTER_TYPE_CONTROL_PLANE</c>.</summary>
    public string? ClusterType { get; init; }

    /// <summary>How data planes authenticate: <c>pinned_client_certs</c> or <c>pki_client_certs</c>.</summary>
    public string? AuthType { get; init; }

    /// <summary>Whether the control plane serves Dedicated Cloud Gateways.</summary>
    public bool CloudGateway { get; init; }
}
