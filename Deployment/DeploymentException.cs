namespace KonnectAspire.Deployment;

/// <summary>
/// Stops a deployment with a message for the user, which names the value and the fix, and the
/// <see cref="DeploymentFailure"/> it is; bad input is raised before anything is sent to the cluster.
/// </summary>
public sealed class DeploymentException(DeploymentFailure failure, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>What kind of failure this is.</summary>
    public DeploymentFailure Failure { get; } = failure;

    /// <summary>Bad input: nothing was sent or written.</summary>
    public static DeploymentException BadInput(string message, Exception? inner = null) => new(DeploymentFailure.BadInput, message, inner);

    /// <summary>The cluster cannot be used as it is.</summary>
    public static DeploymentException Precondition(string message, Exception? inner = null) => new(DeploymentFailure.Precondition, message, inner);
}
