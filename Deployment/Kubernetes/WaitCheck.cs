namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>Where a wait stands after the latest event: still pending, done, or failed for good; and a line saying why.</summary>
public sealed record WaitCheck(WaitState State, string Description)
{
    public static WaitCheck Pending(string description) => new(WaitState.Pending, description);

    public static WaitCheck Done(string description) => new(WaitState.Done, description);

    public static WaitCheck Failed(string description) => new(WaitState.Failed, description);
}
