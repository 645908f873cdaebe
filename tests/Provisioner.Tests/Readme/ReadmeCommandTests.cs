using System.Diagnostics;
using System.Text;
using KonnectAspire.Provisioner.Cli;
using Spectre.Console;

namespace KonnectAspire.Provisioner.Tests.Readme;

/// <summary>
/// README.md's shell blocks are tests: each says where it runs; the runnable ones run in order on a fresh copy of the
/// repository; the ones that need Docker, a cluster or Konnect are at least parsed (projects exist, Provisioner
/// options are accepted by its command tree).
/// </summary>
public sealed class ReadmeCommandTests
{
    private static readonly string[] Needs = ["docker", "cluster", "konnect", "aws", "provider-key", "ci"];

    private static readonly Lazy<string> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KonnectAspire.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("KonnectAspire.sln not found above the test output; run the tests from a clone of the repository.");
    });

    private static IReadOnlyList<ReadmeShellBlock> Blocks => ReadmeShellBlock.Parse(File.ReadAllText(Path.Combine(Root.Value, "README.md")));

    [Fact]
    public void Every_shell_block_says_whether_it_runs_here_or_what_it_needs()
    {
        var unmarked = Blocks
            .Where(block => !block.IsRunnable && !Needs.Any(need => block.Marker == $"needs {need}"))
            .Select(block => $"README.md line {block.Line}: marker '{block.Marker ?? "(none)"}'")
            .ToList();

        Assert.True(
            unmarked.Count == 0,
            $"Put '<!-- readme: runnable -->' or '<!-- readme: needs {string.Join('|', Needs)} -->' on the line above each ```bash block:\n{string.Join('\n', unmarked)}");
        Assert.Contains(Blocks, block => block.IsRunnable);
    }

    [Fact]
    public void Every_project_a_command_runs_exists()
    {
        var missing = Blocks
            .SelectMany(block => block.Commands().Select(command => (block.Line, command)))
            .SelectMany(entry => ProjectsIn(entry.command).Select(project => (entry.Line, project)))
            .Where(entry => !File.Exists(Path.Combine(Root.Value, entry.project, $"{Path.GetFileName(entry.project)}.csproj")))
            .Select(entry => $"README.md block at line {entry.Line}: --project {entry.project}")
            .ToList();

        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    [Fact]
    public void Every_provisioner_command_is_accepted_by_its_command_tree()
    {
        var commands = Blocks
            .SelectMany(block => block.Commands().Select(command => (block.Line, Arguments: ProvisionerArguments(command))))
            .Where(entry => entry.Arguments is not null)
            .ToList();
        var refused = new List<string>();
        foreach (var (line, arguments) in commands)
        {
            var parse = ProvisionerCli.Create(Context()).Parse(arguments!);
            refused.AddRange(parse.Errors.Select(error => $"README.md block at line {line}: provisioner {string.Join(' ', arguments!)}: {error.Message}"));
        }

        Assert.NotEmpty(commands);
        Assert.True(refused.Count == 0, string.Join('\n', refused));
    }

    [Fact]
    public async Task Runnable_blocks_pass_in_order_on_a_copy_of_the_repository()
    {
        using var copy = await RepositoryCopy.SyncAsync(Root.Value);
        foreach (var block in Blocks.Where(block => block.IsRunnable))
        {
            var (exitCode, output) = await RunAsync("bash", ["-eo", "pipefail", "-c", block.Script], copy.Folder, TimeSpan.FromMinutes(10));
            Assert.True(exitCode == 0, $"README.md block at line {block.Line} exited {exitCode}:\n{block.Script}\n--- output ---\n{Tail(output)}");
            if (block.ExpectedOutput is { } expected)
            {
                Assert.True(
                    output.Contains(expected, StringComparison.Ordinal),
                    $"README.md block at line {block.Line} did not print '{expected}':\n{Tail(output)}");
            }
        }
    }

    private static IEnumerable<string> ProjectsIn(string command)
    {
        var words = Split(command);
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i] == "--project")
            {
                yield return words[i + 1].TrimEnd('/');
            }
        }
    }

    // `dotnet run --project Provisioner -- <args>` or `provisioner <args>`: the arguments, placeholders filled in
    private static string[]? ProvisionerArguments(string command)
    {
        var words = Split(command);
        int start;
        if (words.Count > 0 && words[0] == "provisioner")
        {
            start = 1;
        }
        else
        {
            var project = words.IndexOf("Provisioner");
            var separator = words.IndexOf("--");
            if (words.Count < 4 || words[0] != "dotnet" || project < 0 || separator < project)
            {
                return null;
            }

            start = separator + 1;
        }

        return words.Skip(start)
            .Select(word => word.Contains('<', StringComparison.Ordinal) || word.Contains("...", StringComparison.Ordinal) ? "placeholder" : word)
            .ToArray();
    }

    private static List<string> Split(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quote = '\0';
        var inWord = false;
        foreach (var c in command)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static ProvisionerContext Context()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(TextWriter.Null) });
        return new ProvisionerContext
        {
            Console = console,
            ErrorConsole = console,
            GetEnvironmentVariable = _ => null,
            WorkingDirectory = Path.GetTempPath(),
            HomeDirectory = Path.GetTempPath(),
        };
    }

    internal static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string[] arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        var output = new StringBuilder();
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static string Tail(string output) => output.Length <= 4000 ? output : output[^4000..];
}
