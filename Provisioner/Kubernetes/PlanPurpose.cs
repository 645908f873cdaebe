namespace KonnectAspire.Provisioner.Kubernetes;

/// <summary>What a plan is for: deploy needs every secret, diff shows what it can, destroy only needs names.</summary>
internal enum PlanPurpose
{
    Apply,
    Diff,
    Destroy,
}
