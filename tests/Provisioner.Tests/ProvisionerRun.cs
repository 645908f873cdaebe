using System.CommandLine;
using KonnectAspire.Provisioner.Cli;
using Spectre.Console;

namespace KonnectAspire.Provisioner.Tests;

/// <summary>Runs the Provisioner in-process with its own environment, folder and captured output.</summary>
public sealed class ProvisionerRun : IDisposable
{
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    public ProvisionerRun()
    {
        WorkingDirectory = Path.Combine(Path.GetTempPath(), "konnectaspire-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(WorkingDirectory);
    }

    public string WorkingDirectory { get; }

    public string Output { get; private set; } = string.Empty;

    public string Error { get; private set; } = string.Empty;

    /// <summary>Output then error output, for messages whichever console they went to.</summary>
    public string Transcript => Output + Error;

    /// <summary>The user's data folder of this run, outside <see cref="WorkingDirectory"/> as the real one is.</summary>
    public string DataDirectory => Path.Combine(Path.GetDirectoryName(WorkingDirectory)!, Path.GetFileName(WorkingDirectory) + "-data");

    /// <summary>Where <c>konnect up</c> writes by default.</summary>
    public string KonnectRoot => Path.Combine(DataDirectory, "konnect");

    public string OutputDirectory(string controlPlane) => Path.Combine(KonnectRoot, controlPlane);

    public ProvisionerRun WithEnvironment(string name, string value)
    {
        _environment[name] = value;
        return this;
    }

    /// <summary>How long one Kubernetes API request may wait; the Provisioner's default is 30 s.</summary>
    public TimeSpan KubernetesRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>One Konnect attempt's and one call's timeouts; the client's defaults when null.</summary>
    public (TimeSpan Attempt, TimeSpan Total)? KonnectTimeouts { get; set; }

    public ProvisionerRun WithoutEnvironment(string name)
    {
        _environment.Remove(name);
        return this;
    }

    /// <summary>Copies a publish output of TestSupport/Kubernetes/PublishOutputs/ into the folder, with the stand-in gateway's port filled in.</summary>
    public string PublishOutput(string flavour, int gatewayPort = 80)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Kubernetes", "PublishOutputs", flavour);
        var target = Path.Combine(WorkingDirectory, flavour);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.WriteAllText(Path.Combine(target, Path.GetFileName(file)), File.ReadAllText(file).Replace("__GATEWAY_PORT__", $"{gatewayPort}", StringComparison.Ordinal));
        }

        return target;
    }

    public async Task<int> InvokeAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new ProvisionerContext
        {
            Console = Console(output),
            ErrorConsole = Console(error),
            GetEnvironmentVariable = name => _environment.GetValueOrDefault(name),
            WorkingDirectory = WorkingDirectory,
            HomeDirectory = Path.Combine(WorkingDirectory, "home"),
            DataDirectory = DataDirectory,
            KubernetesRequestTimeout = KubernetesRequestTimeout,
            KonnectAttemptTimeout = KonnectTimeouts?.Attempt,
            KonnectTotalTimeout = KonnectTimeouts?.Total,
        };
        var exitCode = await ProvisionerCli.InvokeAsync(context, args, new InvocationConfiguration { Output = output, Error = error });
        Output = output.ToString();
        Error = error.ToString();
        return exitCode;
    }

    public void Dispose()
    {
        Directory.Delete(WorkingDirectory, recursive: true);
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 400;
        return console;
    }
}
