using System.CommandLine;
using KonnectAspire.Provisioner.Kubernetes;
using Spectre.Console;

namespace KonnectAspire.Provisioner.Tests.Kubernetes;

/// <summary>
/// Runs the provisioner's cluster verbs in process, as `provisioner ...` would, with a plain-text console, its own
/// environment variables and home folder, and a temp folder for publish outputs and kubeconfigs.
/// </summary>
internal sealed class ProvisionerCli : IDisposable
{
    private readonly StringWriter _output = new();

    public ProvisionerCli()
    {
        Directory.CreateDirectory(Home);
    }

    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "provisioner-tests", Guid.NewGuid().ToString("N"));

    public string Home => Path.Combine(WorkDirectory, "home");

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public string Output => _output.ToString();

    /// <summary>Copies a publish output of PublishOutputs/ into the work folder, with the stand-in gateway's port filled in.</summary>
    public string PublishOutput(string flavour, int gatewayPort = 80)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Kubernetes", "PublishOutputs", flavour);
        var target = Path.Combine(WorkDirectory, flavour);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.WriteAllText(Path.Combine(target, Path.GetFileName(file)), File.ReadAllText(file).Replace("__GATEWAY_PORT__", $"{gatewayPort}", StringComparison.Ordinal));
        }

        return target;
    }

    public async Task<int> RunAsync(params string[] args)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_output),
        });
        console.Profile.Width = 400;
        var root = new RootCommand("provisioner under test");
        KubernetesCommands.Add(root, new KubernetesCommandContext(console, name => Environment.GetValueOrDefault(name), Home));
        return await root.Parse(args).InvokeAsync();
    }

    public void Dispose()
    {
        _output.Dispose();
        if (Directory.Exists(WorkDirectory))
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
    }
}
