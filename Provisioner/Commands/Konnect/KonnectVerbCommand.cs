using System.CommandLine;
using KonnectAspire.Deployment.Konnect;
using KonnectAspire.Konnect.Api;
using KonnectAspire.Provisioner.Cli;
using Spectre.Console;

namespace KonnectAspire.Provisioner.Commands.Konnect;

/// <summary>
/// What the <c>konnect</c> verbs share: the connection options, reading the token from KONNECT_TOKEN or a file (never
/// an argument), and turning failures into one clear line and an exit code.
/// </summary>
internal abstract class KonnectVerbCommand : Command
{
    public const string TokenVariable = KonnectTokenInput.Variable;
    public const string DefaultControlPlaneName = "konnectaspire";

    private readonly Option<string> _controlPlane = new("--control-plane", "-c")
    {
        Description = "The Konnect control plane name.",
        DefaultValueFactory = _ => DefaultControlPlaneName,
    };

    private readonly Option<string> _region = new("--region")
    {
        Description = "The Konnect region: us, eu, au, me, in or sg.",
        DefaultValueFactory = _ => "us",
    };

    private readonly Option<string?> _baseUrl = new("--base-url")
    {
        Description = "Use this API root instead of the region's (e.g. a mock server); for Konnect it ends in /v2.",
    };

    private readonly Option<FileInfo?> _tokenFile = new("--token-file")
    {
        Description = $"A file holding the Konnect token (kpat_… or spat_…); otherwise the token is read from {TokenVariable}.",
    };

    private readonly Option<DirectoryInfo?> _output = new("--output", "-o")
    {
        Description = "Where the certificate, key, endpoints and Kubernetes manifest live (default: konnect/<control plane> in the user's data folder, e.g. ~/.local/share/KonnectAspire/konnect/konnectaspire on Linux).",
    };

    protected KonnectVerbCommand(ProvisionerContext context, string name, string description)
        : base(name, description)
    {
        Context = context;
        Options.Add(_controlPlane);
        Options.Add(_region);
        Options.Add(_baseUrl);
        Options.Add(_tokenFile);
        Options.Add(_output);
        SetAction(RunAsync);
    }

    protected ProvisionerContext Context { get; }

    protected IAnsiConsole Console => Context.Console;

    /// <summary>Runs the verb; input problems are raised as <see cref="CommandFailedException.BadInput"/> before anything is written.</summary>
    protected abstract Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken);

    protected string ControlPlaneName(ParseResult parseResult)
    {
        var name = parseResult.GetValue(_controlPlane)?.Trim() ?? string.Empty;
        return name.Length is >= 2 and <= 256
            ? name
            : throw CommandFailedException.BadInput($"The control plane name must be 2 to 256 characters; '{name}' is not. Pass --control-plane <name>.");
    }

    protected string OutputDirectory(ParseResult parseResult, string controlPlaneName)
    {
        var path = parseResult.GetValue(_output)?.FullName
            ?? KonnectOutputDirectory.DefaultPath(Context.DataDirectory, controlPlaneName);
        path = Path.GetFullPath(path, Context.WorkingDirectory);
        return File.Exists(path)
            ? throw CommandFailedException.BadInput($"--output '{path}' is a file; give a folder (it is created if missing).")
            : path;
    }

    /// <summary>Reads and checks the token, region and base URL; throws <see cref="CommandFailedException.BadInput"/> naming the fix.</summary>
    protected KonnectClientOptions ClientOptions(ParseResult parseResult)
    {
        KonnectRegion region;
        try
        {
            region = KonnectClientOptions.ParseRegion(parseResult.GetValue(_region) ?? "us");
        }
        catch (ArgumentException ex)
        {
            throw CommandFailedException.BadInput(ex.Message + " Pass it with --region.", ex);
        }

        var baseUrlText = parseResult.GetValue(_baseUrl);
        Uri? baseUrl = null;
        if (baseUrlText is not null && (!Uri.TryCreate(baseUrlText, UriKind.Absolute, out baseUrl) || baseUrl.Scheme is not ("https" or "http")))
        {
            throw CommandFailedException.BadInput($"--base-url must be an absolute http(s) URL such as https://eu.api.konghq.com/v2; '{baseUrlText}' is not.");
        }

        var options = new KonnectClientOptions
        {
            Token = ReadToken(parseResult),
            Region = region,
            BaseAddress = baseUrl,
            OnRetry = retry => Context.ErrorConsole.MarkupLineInterpolated(
                $"[yellow]Konnect answered {(retry.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing")} to '{retry.Operation}'; retry {retry.Attempt} in {retry.Delay.TotalSeconds:0.#} s.[/]"),
        };
        return options with
        {
            AttemptTimeout = Context.KonnectAttemptTimeout ?? options.AttemptTimeout,
            TotalTimeout = Context.KonnectTotalTimeout ?? options.TotalTimeout,
        };
    }

    /// <summary>The client for the verb, after saying where it waits for answers and how long one call may take.</summary>
    protected KonnectClient CreateClient(KonnectClientOptions options)
    {
        var client = Context.KonnectHandler is { } handler ? new KonnectClient(options, handler()) : new KonnectClient(options);
        Context.ErrorConsole.MarkupLineInterpolated(
            $"[grey]Waiting for the Konnect API at {client.BaseAddress} (each call at most {options.TotalTimeout.TotalSeconds:0.#} s with its retries).[/]");
        return client;
    }

    /// <summary>The verbs' progress: a spinner while a Konnect call runs.</summary>
    protected SpinnerProgress Progress => new(Console, Context.ErrorConsole);

    protected Task<T> StepAsync<T>(string description, Func<Task<T>> step) => Progress.WaitAsync(description, _ => step());

    private KonnectAccessToken ReadToken(ParseResult parseResult) => KonnectTokenInput.Read(
        parseResult.GetValue(_tokenFile)?.FullName,
        KonnectTokenInput.FileOption,
        Context.Deployment,
        $"No Konnect token: set the {TokenVariable} environment variable or pass {KonnectTokenInput.FileOption} <path> " +
        $"(a token is never taken as an argument, so it stays out of shell history). {KonnectAccessToken.HowToCreate}");

    private Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
        => new VerbPipeline(new CommandOutput(Console, Context.ErrorConsole)).RunAsync(token => ExecuteAsync(parseResult, token), cancellationToken);
}
