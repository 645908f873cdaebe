using System.Diagnostics;

namespace KonnectAspire.TestSupport;

/// <summary>Whether a container engine answers here, as Aspire would use it (ASPIRE_CONTAINER_RUNTIME, else docker).</summary>
public static class ContainerEngine
{
    private static readonly Lazy<string?> Problem = new(Probe);

    /// <summary>Why no container engine can run the Kong containers here, or null when one answers.</summary>
    public static string? Unavailable => Problem.Value;

    private static string? Probe()
    {
        var runtime = Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME") ?? "docker";
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var error = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                process.Kill(entireProcessTree: true);
                return $"'{runtime} info' did not answer within 20 s, so no container engine can run the Kong containers.";
            }

            var firstError = error.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim();
            return process.ExitCode == 0
                ? null
                : $"'{runtime} info' failed (exit {process.ExitCode}: {firstError}), so no container engine can run the Kong containers.";
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return $"'{runtime}' is not installed ({ex.Message}), so no container engine can run the Kong containers.";
        }
    }
}
