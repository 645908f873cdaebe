using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Kong.GatewayConfig;

namespace Aspire.Hosting.Kong.ControlPlanes;

/// <summary>
/// What a local control plane shows on the dashboard: its URLs (Admin API, Kong Manager, status), its properties (role,
/// Kong version; the sync adds what it synced and when) and the "Sync gateway config" command.
/// </summary>
internal static class KongControlPlaneDashboard
{
    /// <summary>
    /// Adds the URLs, the initial properties, the command, and the settings that serve Kong Manager OSS on the
    /// <c>manager</c> endpoint, talking from the browser to the Admin API.
    /// </summary>
    public static IResourceBuilder<KongControlPlaneResource> WithDashboard(this IResourceBuilder<KongControlPlaneResource> builder)
    {
        var controlPlane = builder.Resource;
        return KongGatewaySyncCommand.AddTo(builder)
            .WithUrlForEndpoint(KongControlPlaneResource.AdminEndpointName, url => url.DisplayText = "Admin API")
            .WithUrlForEndpoint(KongControlPlaneResource.ManagerEndpointName, url => url.DisplayText = "Kong Manager")
            .WithUrlForEndpoint(KongControlPlaneResource.StatusEndpointName, KongStatusUrl.Show)
            .WithEnvironment(context => AddManager(context.EnvironmentVariables, controlPlane))
            .OnInitializeResource((resource, initialize, _) => initialize.Notifications.PublishUpdateAsync(resource, snapshot => snapshot with
            {
                Properties = KongSnapshotProperties.Set(
                    snapshot.Properties,
                    (KongSnapshotProperties.Role, KongEnvironment.ControlPlaneRole),
                    (KongSnapshotProperties.Version, KongContainerImageTags.Tag)),
            }));
    }

    /// <summary>
    /// Serves Kong Manager on the <c>manager</c> endpoint. The page runs in the browser on the host, so it is told the
    /// Admin API's host-side URL (<c>admin_gui_api_url</c>), and the Admin API allows that page's origin in CORS
    /// because <c>admin_gui_url</c> names it. Both are endpoint references resolved on the host network, whichever
    /// network the container itself resolves references in.
    /// </summary>
    public static void AddManager(IDictionary<string, object> environment, KongControlPlaneResource controlPlane)
    {
        environment["KONG_ADMIN_GUI_LISTEN"] = KongEnvironment.ListenOn(controlPlane.ManagerEndpoint);
        environment["KONG_ADMIN_GUI_URL"] = controlPlane.GetEndpoint(KongControlPlaneResource.ManagerEndpointName, KnownNetworkIdentifiers.LocalhostNetwork);
        environment["KONG_ADMIN_GUI_API_URL"] = controlPlane.GetEndpoint(KongControlPlaneResource.AdminEndpointName, KnownNetworkIdentifiers.LocalhostNetwork);
    }
}
