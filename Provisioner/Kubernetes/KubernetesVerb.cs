using KonnectAspire.Provisioner.Cli;
namespace KonnectAspire.Provisioner.Kubernetes;

/// <summary>
/// The frame every cluster verb runs in: one deadline (--timeout) for the whole run, and each way of failing turned
/// into its message and exit code. A <see cref="CommandFailedException"/> is already worded for the user.
/// </summary>
internal sealed class KubernetesVerb(CommandOutput output, TimeSpan timeout)
{
    private string _activity = "the cluster";

    public CommandOutput Output { get; } = output;

    /// <summary>Runs a verb's body with a console of its context and a deadline of <paramref name="timeout"/>.</summary>
    public static Task<int> RunAsync(ProvisionerContext context, TimeSpan timeout, Func<KubernetesVerb, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var verb = new KubernetesVerb(new CommandOutput(context.Console, context.ErrorConsole), timeout);
        return verb.RunAsync(token => body(verb, token), cancellationToken);
    }

    /// <summary>Secrets the run handles, blanked out of every message.</summary>
    public SecretRedactor Redactor { get; set; } = new();

    /// <summary>What the run is doing now, named in the timeout message.</summary>
    public void Doing(string activity) => _activity = activity;

    public async Task<int> RunAsync(Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await body(linked.Token).ConfigureAwait(false);
        }
        catch (CommandFailedException e)
        {
            Output.Error(Redactor.Redact(e.Message));
            return e.ExitCode;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Output.Error($"Timed out after {Durations.Format(timeout)} waiting for {Redactor.Redact(_activity)}. "
                + "See where it stands with `provisioner status`; pass a longer --timeout if the cluster is only slow.");
            return ExitCodes.Timeout;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Output.Error("Cancelled. Run the same command again to finish: applying converges.");
            return ExitCodes.Cancelled;
        }
        catch (KubernetesApiException e)
        {
            Output.Error($"The Kubernetes API answered {(int)e.StatusCode} {e.Reason}: {Redactor.Redact(e.Message)}");
            return ExitCodes.Failure;
        }
        catch (HttpRequestException e)
        {
            Output.Error($"Lost the connection to the Kubernetes API: {e.Message}. Run the command again.");
            return ExitCodes.PreconditionFailed;
        }
    }
}
