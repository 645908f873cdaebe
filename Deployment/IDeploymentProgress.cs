namespace KonnectAspire.Deployment;

/// <summary>
/// Where a deployment reports what it does: the Provisioner prints it to the terminal, the EKS deploy step to Aspire's
/// pipeline log. Texts are plain; none holds a secret.
/// </summary>
public interface IDeploymentProgress
{
    /// <summary>A line of information.</summary>
    void Info(string text);

    /// <summary>A step that is done.</summary>
    void Step(string text);

    /// <summary>A detail under the current step.</summary>
    void Detail(string text);

    /// <summary>Something the user should fix, though the deployment goes on.</summary>
    void Warning(string text);

    /// <summary>What the deployment waits for now; named in the message when its deadline passes.</summary>
    void Doing(string activity);

    /// <summary>Runs <paramref name="work"/> while showing <paramref name="title"/>; the lines it reports are shown as they come.</summary>
    Task<T> WaitAsync<T>(string title, Func<Action<string>, Task<T>> work);
}
