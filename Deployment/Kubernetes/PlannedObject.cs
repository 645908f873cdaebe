namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>One object of a plan with the API resource it is applied through.</summary>
public sealed record PlannedObject(ManifestDocument Document, ApiResource Resource);
