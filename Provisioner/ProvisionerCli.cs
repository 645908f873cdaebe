using System.CommandLine;
using KonnectAspire.Provisioner.Cli;
using KonnectAspire.Provisioner.Commands.Cluster;
using KonnectAspire.Provisioner.Commands.Konnect;
using KonnectAspire.Provisioner.Commands.LoadTest;
using Spectre.Console;

namespace KonnectAspire.Provisioner;

/// <summary>The command tree: <c>konnect up|sync|status|down</c>, the cluster verbs and <c>loadtest</c>.</summary>
internal static class ProvisionerCli
{
    public static RootCommand Create(ProvisionerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand("KonnectAspire Provisioner: takes the app model to Kong Konnect and Kubernetes (EKS).");
        root.Subcommands.Add(new KonnectCommand(context));
        root.Subcommands.Add(new DeployCommand(context));
        root.Subcommands.Add(new StatusCommand(context));
        root.Subcommands.Add(new DiffCommand(context));
        root.Subcommands.Add(new DestroyCommand(context));
        root.Subcommands.Add(new LoadTestCommand(context));

        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A command line that does not parse ends with exit code 2 and errors
    /// that repeat only the command and option names of the tree: any other argument may be a secret given in the
    /// wrong place (a token where a path was expected), so it is shown by its position, never by its text.
    /// </summary>
    public static Task<int> InvokeAsync(ProvisionerContext context, string[] args, InvocationConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(args);
        var root = Create(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count == 0)
        {
            return parse.InvokeAsync(configuration);
        }

        var known = KnownNames(root);
        foreach (var error in parse.Errors.Select(e => e.Message).Distinct(StringComparer.Ordinal))
        {
            context.ErrorConsole.MarkupLine($"[red]error:[/] {Markup.Escape(Redact(error, args, known))}");
        }

        context.ErrorConsole.MarkupLine(Markup.Escape(
            "Arguments other than command and option names are not repeated (they may hold a secret). Run with --help for the usage."));
        return Task.FromResult(ExitCodes.BadInput);
    }

    private static string Redact(string message, string[] args, HashSet<string> known)
    {
        // Longest first, so a token that contains a shorter one is replaced whole.
        var positions = args.Select((text, index) => (text, index))
            .Where(a => a.text.Length > 0 && !known.Contains(a.text))
            .OrderByDescending(a => a.text.Length);
        foreach (var (text, index) in positions)
        {
            message = message.Replace(text, $"<argument {index + 1}>", StringComparison.Ordinal);
        }

        return message;
    }

    private static HashSet<string> KnownNames(Command command)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Command>([command]);
        while (pending.TryPop(out var next))
        {
            names.Add(next.Name);
            names.UnionWith(next.Aliases);
            foreach (var option in next.Options)
            {
                names.Add(option.Name);
                names.UnionWith(option.Aliases);
            }

            foreach (var child in next.Subcommands)
            {
                pending.Push(child);
            }
        }

        return names;
    }
}
