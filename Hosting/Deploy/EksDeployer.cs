using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Kong.Kubernetes;
using Aspire.Hosting.Pipelines;
using KonnectAspire.Deployment;
using KonnectAspire.Deployment.Konnect;
using KonnectAspire.Deployment.Kubernetes;
using KonnectAspire.Konnect.Api;
using KonnectAspire.Konnect.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting.Kong.Deploy;

/// <summary>
/// The <c>deploy-&lt;env&gt;</c> step (<c>aspire deploy</c>): takes what <c>publish-&lt;env&gt;</c> just wrote to the
/// cluster the way the Provisioner's <c>deploy</c> does, with the same library. Plain flavour: the Konnect control plane
/// is found or created, a data-plane certificate pinned and <c>kong.yaml</c> synced first. Then the Secrets the
/// manifests read, server-side apply in dependency order, the waits until the data planes are ready and the load
/// balancer answers one request, and the URL. Run again, it converges: nothing is re-created.
/// </summary>
internal static class EksDeployer
{
    public static Task DeployAsync(EksEnvironmentResource environment, EksPublishModel model, PipelineStepContext context) =>
        RunStepAsync(environment.DeployStepName, environment, context, (settings, progress, token) =>
            DeployCoreAsync(environment, model, settings, context, progress, token));

    /// <summary>
    /// The <c>destroy-&lt;env&gt;</c> step (<c>aspire do destroy</c>): deletes what the last publish output lists, in
    /// reverse order, and waits until the load balancers are released. A Konnect control plane stays in Konnect.
    /// </summary>
    public static Task DestroyAsync(EksEnvironmentResource environment, PipelineStepContext context) =>
        RunStepAsync(environment.DestroyStepName, environment, context, async (settings, progress, token) =>
        {
            var directory = context.Services.GetRequiredService<IPipelineOutputService>().GetOutputDirectory(environment);
            if (!File.Exists(Path.Combine(directory, "kustomization.yaml")))
            {
                throw DeploymentException.BadInput($"Nothing to destroy: {directory} holds no publish output of '{environment.Name}'. Give the --output-path the deploy used.");
            }

            using var session = await ClusterSession.OpenAsync(directory, settings.Connection, new KonnectSecretSources(null, null), PlanPurpose.NamesOnly, new DeploymentEnvironment(), progress, token).ConfigureAwait(false);
            progress.Info($"Destroying what {directory} deployed on {session.Api.Server} ({session.Cluster.Source}).");
            await ClusterDeployer.DestroyAsync(session, progress, token).ConfigureAwait(false);
            progress.Info("Destroyed. A Konnect control plane the deploy made stays in Konnect; `provisioner konnect down` removes it.");
        });

    // One frame for both steps: settings read first, one deadline, each failure one message and a non-zero exit.
    private static async Task RunStepAsync(
        string step,
        EksEnvironmentResource environment,
        PipelineStepContext context,
        Func<EksDeploySettings, PipelineDeploymentProgress, CancellationToken, Task> body)
    {
        var progress = new PipelineDeploymentProgress(context.Logger, step);
        EksDeploySettings? settings = null;
        using var deadline = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, deadline.Token);
        try
        {
            settings = EksDeploySettings.Read(context.Services.GetRequiredService<IConfiguration>(), environment.Name);
            deadline.CancelAfter(settings.Timeout);
            await body(settings, progress, linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (Describe(e, settings, progress, deadline, context.CancellationToken) is { } message)
        {
            // As for a failed publish: `dotnet run` would otherwise exit 0 after the pipeline stops.
            Environment.ExitCode = EksPublisher.FailureExitCode;
            throw new DistributedApplicationException($"{step}: {message}", e);
        }
    }

    private static async Task DeployCoreAsync(
        EksEnvironmentResource environment,
        EksPublishModel model,
        EksDeploySettings settings,
        PipelineStepContext context,
        PipelineDeploymentProgress progress,
        CancellationToken cancellationToken)
    {
        var directory = context.Services.GetRequiredService<IPipelineOutputService>().GetOutputDirectory(environment);
        var process = new DeploymentEnvironment();
        var sources = new KonnectSecretSources(settings.KonnectTokenFile, null) { Keys = settings.SecretKeys, TokenFileOption = settings.TokenFileKey };
        if (model.Options.Flavor == EksDataPlaneFlavor.Plain && model.ControlPlanes.Count > 0)
        {
            var certificates = await SetUpKonnectAsync(environment, model, settings, directory, process, progress, cancellationToken).ConfigureAwait(false);
            sources = sources with { ClusterCertificateDirectory = certificates };
        }

        using var session = await ClusterSession.OpenAsync(directory, settings.Connection, sources, PlanPurpose.Apply, process, progress, cancellationToken).ConfigureAwait(false);
        progress.Info($"Deploying {directory} to {session.Api.Server} ({session.Cluster.Source}).");
        await ClusterDeployer.ApplyAsync(session, progress, cancellationToken).ConfigureAwait(false);
        if (!settings.Wait)
        {
            progress.Info($"Applied {session.Plan.Objects.Count} objects; not waiting (Deploy:{environment.Name}:Wait=false).");
            return;
        }

        using var http = new HttpClient();
        var answers = await ClusterDeployer.WaitForGatewayAsync(session, progress, http, settings.ProbePath, cancellationToken).ConfigureAwait(false);
        foreach (var answer in answers)
        {
            context.Summary.Add("gateway", answer.Uri.AbsoluteUri);
        }

        progress.Info(answers.Count == 0
            ? $"Deployed {session.Plan.Objects.Count} objects; none is a LoadBalancer Service, so there is no address to try."
            : $"Deployed. The gateway answers at {string.Join(", ", answers.Select(a => a.Uri))}.");
        if (session.Plan.Objects.Any(o => o.Document is { Kind: "Service", Name: AspireDashboardWorkload.Name }))
        {
            var ns = model.Options.Namespace;
            progress.Info(string.Create(CultureInfo.InvariantCulture, $"The dashboard: kubectl -n {ns} port-forward svc/{AspireDashboardWorkload.Name} {AspireDashboardWorkload.FrontendPort}:{AspireDashboardWorkload.FrontendPort}, then http://localhost:{AspireDashboardWorkload.FrontendPort} with the token from: kubectl -n {ns} get secret {AspireDashboardWorkload.SecretName} -o jsonpath='{{.data.{AspireDashboardWorkload.BrowserTokenKey}}}' | base64 -d"));
        }
    }

    /// <summary>The plain flavour's Konnect side: control plane, pinned certificate, synced gateway config; returns the certificate folder.</summary>
    private static async Task<string> SetUpKonnectAsync(
        EksEnvironmentResource environment,
        EksPublishModel model,
        EksDeploySettings settings,
        string directory,
        DeploymentEnvironment process,
        PipelineDeploymentProgress progress,
        CancellationToken cancellationToken)
    {
        if (model.ControlPlanes.Count > 1)
        {
            throw DeploymentException.BadInput(
                $"The EKS environment '{environment.Name}' publishes {model.ControlPlanes.Count} control planes ({string.Join(", ", model.ControlPlanes.Select(c => c.Name))}) as plain data planes, which share one cluster certificate Secret; give each its own EKS environment.");
        }

        var controlPlane = model.ControlPlanes[0];
        var configuration = KonnectDeckFile.Read(Path.Combine(directory, KonnectDeckFile.FileName));
        var options = ClientOptions(environment, model, settings, process);
        using var client = new KonnectClient(options);
        progress.Detail($"Waiting for the Konnect API at {client.BaseAddress} (each call at most {options.TotalTimeout.TotalSeconds:0.#} s with its retries).");
        progress.Doing($"the Konnect API at {client.BaseAddress}");

        var files = new KonnectOutputDirectory(settings.CertificateDirectory is { } folder
            ? Path.GetFullPath(folder, process.WorkingDirectory)
            : KonnectOutputDirectory.DefaultPath(process.DataDirectory, controlPlane.KonnectName));
        var setup = await KonnectDataPlaneSetup.UpAsync(client, options, controlPlane.KonnectName, files, model.Options.Namespace, process.Time, progress, cancellationToken).ConfigureAwait(false);
        progress.Step($"control plane {setup.ControlPlane.Name} ({setup.ControlPlane.Id}): {setup.ConsoleAddress}");
        foreach (var change in setup.Changes)
        {
            progress.Detail(change);
        }

        var synchronizer = new GatewayConfigSynchronizer(client.EntityStore(setup.ControlPlane.Id), GatewayConfigSynchronizer.DefaultOwnerTag);
        var sync = await progress.WaitAsync($"Syncing {KonnectDeckFile.FileName} to '{setup.ControlPlane.Name}'", _ => synchronizer.SyncAsync(configuration, cancellationToken)).ConfigureAwait(false);
        progress.Step(sync.HasChanges
            ? $"synced {KonnectDeckFile.FileName}: {sync.Created.Count} created, {sync.Updated.Count} updated, {sync.Deleted.Count} deleted, {sync.Unchanged.Count} unchanged"
            : $"{KonnectDeckFile.FileName} already in Konnect ({sync.Unchanged.Count} entities)");
        return files.Path;
    }

    private static KonnectClientOptions ClientOptions(EksEnvironmentResource environment, EksPublishModel model, EksDeploySettings settings, DeploymentEnvironment process)
    {
        var token = KonnectTokenInput.Read(
            settings.KonnectTokenFile,
            settings.TokenFileKey,
            process,
            $"Deploying '{environment.Name}' (plain flavour) finds or creates its Konnect control plane and needs a Konnect token: set {KonnectTokenInput.Variable} or {settings.TokenFileKey}=<file>. {KonnectAccessToken.HowToCreate}");
        var host = new Uri(model.KonnectServerUrl.Contains("://", StringComparison.Ordinal) ? model.KonnectServerUrl : "https://" + model.KonnectServerUrl).Host;
        var region = Enum.GetValues<KonnectRegion>().FirstOrDefault(r => KonnectClientOptions.ApiHost(r) == host);
        return new KonnectClientOptions
        {
            Token = token,
            Region = region,
            BaseAddress = settings.KonnectBaseUrl ?? (KonnectClientOptions.ApiHost(region) == host ? null : new Uri($"https://{host}/v2")),
        };
    }

    private static string? Describe(Exception exception, EksDeploySettings? settings, PipelineDeploymentProgress progress, CancellationTokenSource deadline, CancellationToken cancelled) => exception switch
    {
        DeploymentException e => e.Message,
        KubernetesApiException e => $"The Kubernetes API answered {(int)e.StatusCode} {e.Reason}: {e.Message}",
        KonnectApiException e => e.Message,
        HttpRequestException e => $"Lost the connection to the Kubernetes API: {e.Message}. Run the deploy again: it converges.",
        OperationCanceledException when deadline.IsCancellationRequested && !cancelled.IsCancellationRequested =>
            $"Timed out after {Durations.Format(settings!.Timeout)} waiting for {progress.Activity.TrimEnd('.')}. Run the deploy again (it converges), or give more time with {settings.Prefix}:Timeout=30m.",
        _ => null,
    };
}
