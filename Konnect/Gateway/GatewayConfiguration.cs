namespace KonnectAspire.Konnect.Gateway;

/// <summary>
/// The gateway configuration a control plane should hold: Kong services, routes and plugins, addressed by name.
/// It is the one model behind the C# builder API, a decK <c>kong.yaml</c>, the Admin API and Konnect sync,
/// and the Kubernetes publishing.
/// </summary>
public sealed record GatewayConfiguration
{
    /// <summary>The Kong services (upstream targets).</summary>
    public IList<GatewayService> Services { get; init; } = [];

    /// <summary>The Kong routes, each bound to a service by name.</summary>
    public IList<GatewayRoute> Routes { get; init; } = [];

    /// <summary>The Kong plugins: global, or scoped to a service or a route by name.</summary>
    public IList<GatewayPlugin> Plugins { get; init; } = [];
}
