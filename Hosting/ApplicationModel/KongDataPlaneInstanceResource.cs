namespace Aspire.Hosting.ApplicationModel;

/// <summary>One local Kong data plane container of a <see cref="KongDataPlaneResource"/> group.</summary>
/// <param name="name">The resource name.</param>
/// <param name="parent">The data plane group.</param>
public class KongDataPlaneInstanceResource(string name, KongDataPlaneResource parent) : ContainerResource(name), IResourceWithParent<KongDataPlaneResource>
{
    internal const string ProxyEndpointName = "proxy";
    internal const string StatusEndpointName = "status";

    internal const int ProxyPort = 8000;
    internal const int StatusPort = 8100;

    private EndpointReference? _proxyEndpoint;
    private EndpointReference? _statusEndpoint;

    /// <inheritdoc />
    public KongDataPlaneResource Parent { get; } = parent;

    /// <summary>The proxy listener (HTTP) clients send requests to.</summary>
    public EndpointReference ProxyEndpoint => _proxyEndpoint ??= new(this, ProxyEndpointName);

    /// <summary>The status listener; <c>/status/ready</c> answers 200 once the data plane holds a non-empty config.</summary>
    public EndpointReference StatusEndpoint => _statusEndpoint ??= new(this, StatusEndpointName);
}
