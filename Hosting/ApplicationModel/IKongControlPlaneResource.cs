namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A Kong control plane: the local hybrid-mode control plane or a Konnect control plane. Data planes connect to it
/// and the gateway config (routes and plugins recorded as annotations on it) is synced to it.
/// </summary>
public interface IKongControlPlaneResource : IResource
{
    /// <summary>The Kong edition its data planes run.</summary>
    KongEdition Edition { get; }
}
