using KonnectAspire.Deployment;
using KonnectAspire.Konnect.Api;

namespace KonnectAspire.Provisioner.Cli;

/// <summary>
/// The one frame every verb runs in, Konnect and cluster verbs alike: an optional deadline for the whole run, Ctrl+C,
/// and each way of failing turned into one <c>error:</c> line and its exit code (see <see cref="ExitCodes"/>). A
/// <see cref="CommandFailedException"/> is already worded for the user; a family adds the failures only it meets by
/// overriding <see cref="Describe"/>.
/// </summary>
internal class VerbPipeline(CommandOutput output)
{
    public CommandOutput Output { get; } = output;

    /// <summary>The deadline of the whole run; none when null.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>What Ctrl+C prints before the verb exits with <see cref="ExitCodes.Cancelled"/>.</summary>
    public string CancelledMessage { get; init; } = "Interrupted. Run the same command again: it picks up where this run stopped.";

    public async Task<int> RunAsync(Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var deadline = Timeout is { } limit ? new CancellationTokenSource(limit) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await body(linked.Token).ConfigureAwait(false);
        }
        catch (CommandFailedException e)
        {
            return Fail(e.ExitCode, e.Message);
        }
        catch (DeploymentException e)
        {
            return Fail(e.Failure switch
            {
                DeploymentFailure.BadInput => ExitCodes.BadInput,
                DeploymentFailure.Precondition => ExitCodes.PreconditionFailed,
                DeploymentFailure.Timeout => ExitCodes.Timeout,
                DeploymentFailure.ApplyRejected => ExitCodes.ApplyRejected,
                _ => ExitCodes.Failure,
            }, e.Message);
        }
        catch (KonnectApiException e)
        {
            return Fail((int?)e.StatusCode switch
            {
                401 or 403 => ExitCodes.KonnectAccessDenied,
                404 => ExitCodes.NotFound,
                409 => ExitCodes.Conflict,
                _ => ExitCodes.KonnectUnavailable,
            }, e.Message);
        }
        catch (OperationCanceledException) when (Timeout is { } timeout && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Fail(ExitCodes.Timeout, TimedOut(timeout));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(ExitCodes.Cancelled, CancelledMessage);
        }
        catch (Exception e) when (Describe(e) is { } failure)
        {
            return Fail(failure.ExitCode, failure.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(ExitCodes.Failure, $"{e.Message} Check that the output folder is writable, then run again.");
        }
    }

    /// <summary>The exit code and message of a failure only this verb family meets; null to leave it to the rest.</summary>
    protected virtual (int ExitCode, string Message)? Describe(Exception exception) => null;

    /// <summary>What the run says when its deadline passes.</summary>
    protected virtual string TimedOut(TimeSpan timeout) => $"Timed out after {timeout}.";

    /// <summary>Blanks secrets the run handles out of a message; nothing by default.</summary>
    protected virtual string Redact(string text) => text;

    private int Fail(int exitCode, string message)
    {
        Output.Error(Redact(message));
        return exitCode;
    }
}
