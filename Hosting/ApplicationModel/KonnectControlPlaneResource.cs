using KonnectAspire.Konnect.Api;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A Kong Konnect control plane: Konnect hosts it, the AppHost finds or creates it by name, pins the data-plane
/// certificate in it and syncs the gateway config to its core entities. Its data planes run Kong Gateway (Enterprise).
/// </summary>
/// <param name="name">The resource name.</param>
/// <param name="controlPlaneName">The control plane name in Konnect.</param>
/// <param name="region">The Konnect region the control plane lives in.</param>
/// <param name="token">The secret parameter holding the Konnect access token (<c>kpat_…</c> or <c>spat_…</c>).</param>
public class KonnectControlPlaneResource(string name, string controlPlaneName, KonnectRegion region, ParameterResource token)
    : Resource(name), IKongControlPlaneResource
{
    private readonly TaskCompletionSource<KonnectClusterConnection> _connection = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <inheritdoc />
    public KongEdition Edition => KongEdition.Enterprise;

    /// <summary>The control plane name in Konnect.</summary>
    public string ControlPlaneName { get; } = controlPlaneName;

    /// <summary>The Konnect region the control plane lives in.</summary>
    public KonnectRegion Region { get; } = region;

    /// <summary>The secret parameter holding the Konnect access token; its value is read only to call Konnect.</summary>
    public ParameterResource TokenParameter { get; } = token;

    /// <summary>Another Konnect API root (e.g. a mock server), or null for the region's.</summary>
    public Uri? ApiBaseAddress { get; init; }

    /// <summary>Where the data planes connect and the certificate they present, once the control plane is found and the certificate pinned.</summary>
    internal Task<KonnectClusterConnection> Connection => _connection.Task;

    internal void Connected(KonnectClusterConnection connection) => _connection.TrySetResult(connection);
}
