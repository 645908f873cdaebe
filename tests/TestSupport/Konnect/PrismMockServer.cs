using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KonnectAspire.TestSupport.Konnect;

/// <summary>
/// Prism serving the Konnect OpenAPI specs on a free loopback port, with request validation on (--errors): a request
/// that breaks the spec is answered with an error and logged, and <see cref="ViolationsSinceAsync"/> returns those logs.
/// </summary>
public sealed class PrismMockServer : IAsyncLifetime
{
    public const string SpecFile = "konnect-v2.merged.prism.openapi.yaml";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly List<string> _lines = [];
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public static string SpecPath => Path.Combine(AppContext.BaseDirectory, "Contracts", "konnect", SpecFile);

    public async Task InitializeAsync()
    {
        var prism = FindPrism();
        var port = FreeLoopbackPort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo(prism)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "mock", "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--errors", SpecPath })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["FORCE_COLOR"] = "0";
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException(
            $"Prism exited before listening (exit code {_process.ExitCode}). Its output:\n{string.Join('\n', Snapshot(0))}"));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        try
        {
            await _listening.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"Prism did not start listening within {StartTimeout.TotalSeconds} s. Its output:\n{string.Join('\n', Snapshot(0))}");
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    /// <summary>Where the log stands now; pass it to <see cref="ViolationsSinceAsync"/> after the calls under test.</summary>
    public int Mark()
    {
        lock (_lines)
        {
            return _lines.Count;
        }
    }

    /// <summary>
    /// The validation errors Prism logged since <paramref name="mark"/>. A sentinel request flushes the log first: Prism
    /// logs requests in order, so once the sentinel shows up every earlier request has been logged.
    /// </summary>
    public async Task<IReadOnlyList<string>> ViolationsSinceAsync(int mark)
    {
        var sentinel = $"konnectaspire-sentinel-{Guid.NewGuid():N}";
        using (var http = new HttpClient { BaseAddress = BaseAddress })
        {
            using var _ = await http.GetAsync(new Uri(sentinel, UriKind.Relative));
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            // Prism logs the sentinel twice (received, then "no path matched"); waiting for the second keeps it out of the next test's lines.
            var lines = Snapshot(mark);
            var at = lines.FindIndex(l => l.Contains(sentinel, StringComparison.Ordinal));
            if (at >= 0 && lines.Skip(at).Any(l => l.Contains(sentinel, StringComparison.Ordinal) && l.Contains('✖')))
            {
                return lines.Take(at)
                    .Where(l => !l.Contains("konnectaspire-sentinel-", StringComparison.Ordinal))
                    .Where(l => l.Contains('✖') || l.Contains("did not pass the validation", StringComparison.Ordinal))
                    .ToList();
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    private static string FindPrism()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var packageJson = Path.Combine(dir.FullName, "package.json");
            if (!File.Exists(packageJson) || !File.ReadAllText(packageJson).Contains("@stoplight/prism-cli", StringComparison.Ordinal))
            {
                continue;
            }

            var prism = Path.Combine(dir.FullName, "node_modules", ".bin", OperatingSystem.IsWindows() ? "prism.cmd" : "prism");
            if (!File.Exists(prism))
            {
                InstallWithNpm(dir.FullName);
            }

            return File.Exists(prism)
                ? prism
                : throw new InvalidOperationException(
                    $"Prism is not installed for the Konnect contract tests: run `npm ci` in {dir.FullName} (needs Node.js 20 and npm; CI's .ci/run does it).");
        }

        throw new InvalidOperationException("tests/package.json (which pins @stoplight/prism-cli) was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// Runs `npm ci` once so that `dotnet test` works on a fresh clone. Two test assemblies may start Prism at the same
    /// time in separate processes, so the install runs under an exclusive lock file and re-checks inside it.
    /// </summary>
    private static void InstallWithNpm(string directory)
    {
        var prism = Path.Combine(directory, "node_modules", ".bin", OperatingSystem.IsWindows() ? "prism.cmd" : "prism");
        using var gate = AcquireInstallLock(Path.Combine(directory, ".npm-ci.lock"));
        if (File.Exists(prism))
        {
            return;
        }

        var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var npm = Process.Start(start)!;
            var output = npm.StandardOutput.ReadToEndAsync();
            var error = npm.StandardError.ReadToEndAsync();
            if (!npm.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                npm.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"`npm ci` in {directory} did not finish within 5 minutes; run it by hand and look at its output.");
            }

            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"`npm ci` in {directory} failed (exit {npm.ExitCode}); run it by hand to see why:\n{error.Result}{output.Result}");
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException(
                $"The Konnect contract tests need Prism, installed with npm, and npm was not found: install Node.js 20 (with npm) and run `npm ci` in {directory}.");
        }
    }

    private static FileStream AcquireInstallLock(string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(6);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
        }

        if (line.Contains("Prism is listening", StringComparison.Ordinal))
        {
            _listening.TrySetResult();
        }
    }

    private List<string> Snapshot(int from)
    {
        lock (_lines)
        {
            return _lines.Skip(from).ToList();
        }
    }
}
