using KonnectAspire.Deployment;
using Spectre.Console;

namespace KonnectAspire.Provisioner.Cli;

/// <summary>
/// The konnect verbs' progress: a spinner while a Konnect call runs (nothing is left behind on the terminal), and
/// lines as <see cref="CommandOutput"/> writes them.
/// </summary>
internal sealed class SpinnerProgress(IAnsiConsole console, IAnsiConsole errorConsole) : IDeploymentProgress
{
    private readonly CommandOutput _output = new(console, errorConsole);

    public void Info(string text) => _output.Info(text);

    public void Step(string text) => _output.Step(text);

    public void Detail(string text) => _output.Detail(text);

    public void Warning(string text) => _output.Warning(text);

    public void Doing(string activity)
    {
    }

    public Task<T> WaitAsync<T>(string title, Func<Action<string>, Task<T>> work) =>
        console.Status().StartAsync(title, _ => work(_ => { }));
}
