namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>The state of one wait.</summary>
public enum WaitState
{
    Pending,
    Done,
    Failed,
}
