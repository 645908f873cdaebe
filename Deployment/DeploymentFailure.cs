namespace KonnectAspire.Deployment;

/// <summary>What kind of failure stopped a deployment; each caller turns it into its own exit code or step failure.</summary>
public enum DeploymentFailure
{
    /// <summary>Something unexpected failed; the message says what.</summary>
    Failure,

    /// <summary>Bad input (a file, a name, a missing value): nothing was sent to the cluster.</summary>
    BadInput,

    /// <summary>The cluster cannot be used: unreachable, credentials refused, or a kind the manifests need is not served.</summary>
    Precondition,

    /// <summary>The cluster did not get where it was asked to (a rollout gave up, a condition will not come).</summary>
    Timeout,

    /// <summary>The Kubernetes API server rejected an object (invalid, conflict, refused by a webhook).</summary>
    ApplyRejected,
}
