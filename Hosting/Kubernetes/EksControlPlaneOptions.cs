namespace Aspire.Hosting.ApplicationModel;

/// <summary>Which Konnect control plane a Kong control plane resource becomes on EKS.</summary>
public sealed class EksControlPlaneOptions
{
    /// <summary>The Konnect control plane name, or null for the resource name.</summary>
    public string? KonnectName { get; set; }

    /// <summary>
    /// The id (a UUID) of an existing Konnect control plane to attach to instead of creating one (Kong Operator
    /// <c>source: Mirror</c>), or null to create it.
    /// </summary>
    public string? MirrorId { get; set; }

    /// <summary>A description for the created control plane, or null.</summary>
    public string? Description { get; set; }
}
