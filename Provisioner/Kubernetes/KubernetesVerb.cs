using KonnectAspire.Deployment;
using KonnectAspire.Deployment.Kubernetes;
using KonnectAspire.Provisioner.Cli;

namespace KonnectAspire.Provisioner.Kubernetes;

/// <summary>
/// The cluster verbs' run: the shared <see cref="VerbPipeline"/> with one deadline (--timeout) for the whole run, the
/// activity it waits for named when that passes, secrets blanked out of every message, and the Kubernetes API's failures.
/// </summary>
internal sealed class KubernetesVerb(CommandOutput output) : VerbPipeline(output), IDeploymentProgress
{
    private string _activity = "the cluster";

    /// <summary>Runs a verb's body with a console of its context and a deadline of <paramref name="timeout"/>.</summary>
    public static Task<int> RunAsync(ProvisionerContext context, TimeSpan timeout, Func<KubernetesVerb, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var verb = new KubernetesVerb(new CommandOutput(context.Console, context.ErrorConsole))
        {
            Timeout = timeout,
            CancelledMessage = "Cancelled. Run the same command again to finish: applying converges.",
        };
        return verb.RunAsync(token => body(verb, token), cancellationToken);
    }

    /// <summary>Secrets the run handles, blanked out of every message.</summary>
    public SecretRedactor Redactor { get; set; } = new();

    /// <summary>What the run is doing now, named in the timeout message.</summary>
    public void Doing(string activity) => _activity = activity;

    public void Info(string text) => Output.Info(text);

    public void Step(string text) => Output.Step(text);

    public void Detail(string text) => Output.Detail(text);

    public void Warning(string text) => Output.Warning(text);

    public Task<T> WaitAsync<T>(string title, Func<Action<string>, Task<T>> work) => Output.WaitAsync(title, work);

    protected override (int ExitCode, string Message)? Describe(Exception exception) => exception switch
    {
        KubernetesApiException e => (ExitCodes.Failure, $"The Kubernetes API answered {(int)e.StatusCode} {e.Reason}: {e.Message}"),
        HttpRequestException e => (ExitCodes.PreconditionFailed, $"Lost the connection to the Kubernetes API: {e.Message}. Run the command again."),
        _ => null,
    };

    protected override string TimedOut(TimeSpan timeout) =>
        $"Timed out after {Durations.Format(timeout)} waiting for {Redactor.Redact(_activity).TrimEnd('.')}. "
        + "See where it stands with `provisioner status`; pass a longer --timeout if the cluster is only slow.";

    protected override string Redact(string text) => Redactor.Redact(text);
}
