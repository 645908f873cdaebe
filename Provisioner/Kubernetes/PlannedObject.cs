namespace KonnectAspire.Provisioner.Kubernetes;

/// <summary>One object of a plan with the API resource it is applied through.</summary>
internal sealed record PlannedObject(ManifestDocument Document, ApiResource Resource);
