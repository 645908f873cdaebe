using Aspire.Hosting.ApplicationModel;
using KonnectAspire.Konnect.Gateway;

namespace Aspire.Hosting.Kong;

/// <summary>Turns the routes, plugins and decK files recorded on a control plane into the gateway model.</summary>
internal static class KongGatewayConfigurationBuilder
{
    /// <summary>
    /// The gateway model of <paramref name="controlPlane"/>; <paramref name="upstreamAddress"/> says how the data planes
    /// reach an endpoint (a container-reachable URL locally, a cluster Service DNS name when published).
    /// </summary>
    public static GatewayConfiguration Build(IKongControlPlaneResource controlPlane, Func<EndpointReference, Uri> upstreamAddress)
        => throw new NotImplementedException($"{controlPlane.Name} {upstreamAddress}");
}
