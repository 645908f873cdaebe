using System.Diagnostics;
using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>
/// Builds and pushes project images without a Docker daemon: one <c>dotnet publish -t:PublishContainer</c> per project
/// workload, straight to the environment's registry, and names each in the manifests by tag and the digest the SDK
/// reports (<c>GeneratedContainerDigest</c>), so what is deployed is exactly what was pushed.
/// </summary>
internal static partial class ProjectImagePusher
{
    private const int OutputLinesKept = 40;

    public static async Task<EksPublishModel> PushAsync(EksPublishModel model, string environmentName, ILogger logger, CancellationToken cancellationToken)
    {
        var options = model.Options;
        if (!options.PushImages)
        {
            return model;
        }

        var workloads = new List<WorkloadSpec>(model.Workloads.Count);
        foreach (var workload in model.Workloads)
        {
            if (workload.ProjectPath is not { } projectPath)
            {
                workloads.Add(workload);
                continue;
            }

            var target = $"{options.ImageRegistry}/{workload.Name}:{options.ImageTag}";
            logger.LogInformation(
                "publish-{Environment}: building the image of '{Workload}' and pushing it to {Target} (dotnet publish -t:PublishContainer, no Docker; at most {Minutes} min)",
                environmentName, workload.Name, target, options.ImagePushTimeout.TotalMinutes);
            var digest = await RunAsync(Arguments(projectPath, workload.Name, options), workload.Name, target, options.ImagePushTimeout, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("publish-{Environment}: pushed {Target}@{Digest}", environmentName, target, digest);
            workloads.Add(workload with { Image = $"{target}@{digest}" });
        }

        return model with { Workloads = workloads };
    }

    /// <summary>The <c>dotnet</c> arguments that build and push one project's image and print its digest.</summary>
    public static IReadOnlyList<string> Arguments(string projectPath, string repository, EksEnvironmentOptions options)
    {
        List<string> arguments =
        [
            "publish", projectPath,
            "--configuration", "Release",
            "-t:PublishContainer",
            $"-p:ContainerRegistry={options.ImageRegistry}",
            $"-p:ContainerRepository={repository}",
            $"-p:ContainerImageTag={options.ImageTag}",
            .. string.IsNullOrEmpty(options.BaseImage) ? [] : new[] { $"-p:ContainerBaseImage={options.BaseImage}" },
            "-getProperty:GeneratedContainerDigest",
            "--nologo",
        ];
        return arguments;
    }

    private static async Task<string> RunAsync(IReadOnlyList<string> arguments, string workload, string target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new DistributedApplicationException($"Could not start 'dotnet' to build the image of '{workload}'.");
        var output = new Queue<string>();
        var reading = Task.WhenAll(KeepAsync(process.StandardOutput, output), KeepAsync(process.StandardError, output));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            await reading.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new DistributedApplicationException(
                $"Building and pushing the image of '{workload}' to {target} did not finish within {timeout.TotalMinutes} min; check that the registry answers and that ~/.docker/config.json has credentials for it (for ECR, the docker-credential-ecr-login helper), or raise ImagePushTimeout.");
        }

        var lines = Snapshot(output);
        var digest = lines.LastOrDefault(line => DigestPattern().IsMatch(line.Trim()))?.Trim();
        if (process.ExitCode != 0 || digest is null)
        {
            throw new DistributedApplicationException(
                $"Building and pushing the image of '{workload}' to {target} failed (dotnet publish -t:PublishContainer exited {process.ExitCode}{(digest is null && process.ExitCode == 0 ? " without reporting GeneratedContainerDigest" : "")}); check the registry's address and credentials (~/.docker/config.json). Its last output:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
        }

        return digest;
    }

    private static async Task KeepAsync(StreamReader reader, Queue<string> output)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            lock (output)
            {
                output.Enqueue(line);
                if (output.Count > OutputLinesKept)
                {
                    output.Dequeue();
                }
            }
        }
    }

    private static List<string> Snapshot(Queue<string> output)
    {
        lock (output)
        {
            return [.. output];
        }
    }

    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex DigestPattern();
}
