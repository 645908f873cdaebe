namespace KonnectAspire.Provisioner.Kubernetes;

/// <summary>The state of one wait.</summary>
internal enum WaitState
{
    Pending,
    Done,
    Failed,
}
