namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>The objects to apply in order (published and created), notes for the user, and the secrets to keep out of output.</summary>
public sealed record DeploymentPlan(IReadOnlyList<PlannedObject> Objects, IReadOnlyList<string> Notes, IReadOnlyList<string> Warnings, SecretRedactor Redactor);
