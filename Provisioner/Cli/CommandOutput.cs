using Spectre.Console;

namespace KonnectAspire.Provisioner.Cli;

/// <summary>
/// How the verbs write to the terminal: one line per step or state change (so CI logs read well), a spinner
/// while waiting when the terminal is interactive; warnings and errors to the error console. Every text is escaped;
/// nothing here formats secrets.
/// </summary>
internal sealed class CommandOutput(IAnsiConsole console, IAnsiConsole errorConsole)
{
    public IAnsiConsole Console { get; } = console;

    public void Info(string text) => Console.MarkupLine(Markup.Escape(text));

    public void Step(string text) => Console.MarkupLine($"[green]✓[/] {Markup.Escape(text)}");

    public void Detail(string text) => Console.MarkupLine($"  [grey]{Markup.Escape(text)}[/]");

    public void Warning(string text) => errorConsole.MarkupLine($"[yellow]warning:[/] {Markup.Escape(text)}");

    public void Error(string text) => errorConsole.MarkupLine($"[red]error:[/] {Markup.Escape(text)}");

    /// <summary>Runs <paramref name="work"/> under a spinner titled <paramref name="title"/>; progress lines are printed as they come.</summary>
    public async Task<T> WaitAsync<T>(string title, Func<Action<string>, Task<T>> work)
    {
        Console.MarkupLine($"[blue]…[/] {Markup.Escape(title)}");
        if (!Console.Profile.Capabilities.Interactive)
        {
            return await work(Detail).ConfigureAwait(false);
        }

        return await Console.Status().StartAsync(title, context => work(line =>
        {
            context.Status($"{Markup.Escape(title)}: {Markup.Escape(line)}");
            Detail(line);
        })).ConfigureAwait(false);
    }
}
