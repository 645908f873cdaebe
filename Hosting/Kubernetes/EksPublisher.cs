using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>The <c>publish-&lt;env&gt;</c> step: read the model, report every problem at once, then write the files.</summary>
internal static class EksPublisher
{
    /// <summary>What <c>dotnet run --project AppHost -- --operation publish</c> exits with when this step fails.</summary>
    public const int FailureExitCode = 1;

    /// <summary>Publishes and returns the model the files were made from, for the deploy step that follows.</summary>
    public static async Task<EksPublishModel> PublishAsync(EksEnvironmentResource environment, PipelineStepContext context)
    {
        try
        {
            return await PublishCoreAsync(environment, context).ConfigureAwait(false);
        }
        catch
        {
            // Aspire's pipeline reports a failed step to the aspire CLI (which exits non-zero), but a publish started
            // with `dotnet run` stops its host normally and would exit 0: the process exit code says it failed.
            Environment.ExitCode = FailureExitCode;
            throw;
        }
    }

    private static async Task<EksPublishModel> PublishCoreAsync(EksEnvironmentResource environment, PipelineStepContext context)
    {
        var problems = new List<string>();
        var model = await EksModelReader.ReadAsync(
            environment,
            context.Model,
            context.ExecutionContext,
            context.Services.GetRequiredService<IConfiguration>(),
            problems,
            context.Logger,
            context.CancellationToken).ConfigureAwait(false);
        problems.AddRange(EksPublishModelValidator.Validate(model));
        if (problems.Count > 0)
        {
            throw new DistributedApplicationException(Describe(environment, problems));
        }

        // Images are pushed only once the model is known to be right, and before any file is written.
        model = await ProjectImagePusher.PushAsync(model, environment.Name, context.Logger, context.CancellationToken).ConfigureAwait(false);
        var files = EksManifestBuilder.Build(model).ToList();
        problems.AddRange(ManifestNameCheck.Problems(files));
        if (problems.Count > 0)
        {
            throw new DistributedApplicationException(Describe(environment, problems));
        }

        var directory = context.Services.GetRequiredService<IPipelineOutputService>().GetOutputDirectory(environment);
        var paths = await ManifestWriter.WriteAsync(directory, files, context.CancellationToken).ConfigureAwait(false);
        context.Logger.LogInformation(
            "{Step}: wrote {Count} files to {Directory} ({Flavor} flavour, namespace {Namespace}); apply them with: kubectl apply -k {Directory}",
            environment.PublishStepName, paths.Count, directory, model.Options.Flavor, model.Options.Namespace, directory);
        context.Summary.Add($"{environment.Name} manifests", directory);
        return model;
    }

    public static string Describe(EksEnvironmentResource environment, IReadOnlyList<string> problems) =>
        string.Create(CultureInfo.InvariantCulture, $"The EKS environment '{environment.Name}' wrote nothing because of {problems.Count} problem(s) in the app model:{Environment.NewLine}")
        + string.Join(Environment.NewLine, problems.Select(p => $"  - {p}"));
}
