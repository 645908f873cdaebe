using System.Net;
using KonnectAspire.Konnect.Api;
using KonnectAspire.Provisioner.Cli;
using Spectre.Console;

namespace KonnectAspire.Provisioner.Tests.Cli;

/// <summary>The one frame both verb families run in: each way of failing is one error line and its exit code.</summary>
public class VerbPipelineTests
{
    private readonly StringWriter _errors = new();

    private VerbPipeline Pipeline(TimeSpan? timeout = null)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(TextWriter.Null) });
        var errors = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(_errors) });
        return new VerbPipeline(new CommandOutput(console, errors)) { Timeout = timeout };
    }

    public static TheoryData<string, int> Failures => new()
    {
        { "bad-input", ExitCodes.BadInput },
        { "konnect-401", ExitCodes.KonnectAccessDenied },
        { "konnect-404", ExitCodes.NotFound },
        { "konnect-409", ExitCodes.Conflict },
        { "konnect-503", ExitCodes.KonnectUnavailable },
        { "io", ExitCodes.Failure },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Each_failure_is_one_error_line_and_its_exit_code(string failure, int expected)
    {
        var exitCode = await Pipeline().RunAsync(_ => throw failure switch
        {
            "bad-input" => CommandFailedException.BadInput("the input is wrong"),
            "io" => new IOException("the disk is full."),
            _ => new KonnectApiException("Konnect said no.", (HttpStatusCode)int.Parse(failure["konnect-".Length..], System.Globalization.CultureInfo.InvariantCulture)),
        }, CancellationToken.None);

        Assert.Equal(expected, exitCode);
        Assert.Single(_errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.StartsWith("error: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_deadline_is_a_timeout_and_ctrl_c_is_a_cancel()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var timedOut = await Pipeline(TimeSpan.FromMilliseconds(50)).RunAsync(async token => { await Task.Delay(Timeout.Infinite, token); return 0; }, CancellationToken.None);
        var interrupted = await Pipeline(TimeSpan.FromMinutes(1)).RunAsync(async token => { await Task.Delay(Timeout.Infinite, token); return 0; }, cancelled.Token);

        Assert.Equal((ExitCodes.Timeout, ExitCodes.Cancelled), (timedOut, interrupted));
        Assert.Contains("error: Interrupted. Run the same command again", _errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bug_is_not_turned_into_an_exit_code()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Pipeline().RunAsync(_ => throw new InvalidOperationException("bug"), CancellationToken.None));
    }
}
