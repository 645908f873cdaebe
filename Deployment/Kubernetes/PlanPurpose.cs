namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>What a plan is for: deploy needs every secret, diff shows what it can, destroy and status only need names.</summary>
public enum PlanPurpose
{
    Apply,
    Diff,

    /// <summary>destroy and status: the objects' names and kinds; no secret is read and unserved kinds are left out.</summary>
    NamesOnly,
}
