using System.Globalization;
using System.Runtime.CompilerServices;
using Aspire.Hosting.ApplicationModel;
using KonnectAspire.Konnect.Admin;
using KonnectAspire.Konnect.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Aspire.Hosting.Kong.GatewayConfig;

/// <summary>
/// Syncs the gateway config recorded on a control plane (a local one through its Admin API, a Konnect one to its core
/// entities) once it is up, and again on the "Sync gateway config" command; logs what changed (or why it was refused)
/// to the control plane's console and the AppHost log, and shows the outcome on the control plane.
/// </summary>
internal static class KongGatewayConfigSync
{
    /// <summary>The tag that marks the Kong entities the AppHost owns; entities without it are left alone.</summary>
    public const string OwnerTag = GatewayConfigSynchronizer.DefaultOwnerTag;

    private const string StatusProperty = "kong.gateway-config";

    private static readonly TimeSpan UpstreamTimeout = TimeSpan.FromMinutes(2);

    // The Admin API can lag /status/ready by a moment; Kong's own refusals (4xx) are not retried.
    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>(ex => ex.StatusCode is null),
            MaxRetryAttempts = 5,
            Delay = TimeSpan.FromSeconds(1),
            BackoffType = DelayBackoffType.Exponential,
        })
        .Build();

    // One sync at a time per control plane: the "Sync gateway config" command may be run while the first sync is going.
    private static readonly ConditionalWeakTable<IKongControlPlaneResource, SemaphoreSlim> Gates = new();

    /// <summary>The sync run once the local control plane is healthy; see <see cref="WithoutRethrowingAsync"/>.</summary>
    public static Task SyncWhenReadyAsync(KongControlPlaneResource controlPlane, ResourceReadyEvent ready, CancellationToken cancellationToken)
        => WithoutRethrowingAsync(SyncAsync(controlPlane, ready.Services, cancellationToken), cancellationToken);

    /// <summary>
    /// Waits for a sync started at start-up. A failure has already been logged and shown on the control plane by
    /// <see cref="SyncAsync(IKongControlPlaneResource, IGatewayEntityStore, string, IServiceProvider, CancellationToken)"/>;
    /// the data planes keep running with what was accepted, so it goes no further.
    /// </summary>
    public static async Task WithoutRethrowingAsync(Task sync, CancellationToken cancellationToken)
    {
        try
        {
            await sync.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Already reported.
        }
    }

    /// <summary>
    /// Syncs a local control plane through its Admin API, then shows the Kong version the Admin API reports (also
    /// after a refusal: the Admin API answered).
    /// </summary>
    /// <returns>What the sync changed. When the config has problems or Kong refuses it, the exception says which entity and why.</returns>
    public static async Task<GatewaySyncResult> SyncAsync(KongControlPlaneResource controlPlane, IServiceProvider services, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"{controlPlane.AdminEndpoint.Url.TrimEnd('/')}/"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            return await SyncAsync(controlPlane, new KongEntityApiStore(new KongAdminApi(http)), "through the Admin API", services, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                await PublishVersionAsync(services.GetRequiredService<ResourceNotificationService>(), controlPlane, http, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Builds the gateway config recorded on <paramref name="controlPlane"/> (reading its decK files again), syncs it
    /// into <paramref name="store"/>, logs what changed to the control plane's console and the AppHost log, and shows on
    /// the control plane the outcome, the number of services, routes and plugins synced and the time.
    /// </summary>
    /// <param name="controlPlane">The control plane whose routes, plugins and decK files are synced.</param>
    /// <param name="store">Where the entities go.</param>
    /// <param name="target">How the log names the target, e.g. "through the Admin API".</param>
    /// <param name="services">The AppHost services.</param>
    /// <param name="cancellationToken">Stops the sync.</param>
    /// <returns>What the sync changed. A failure is logged and shown first, then thrown: the message says which entity and why.</returns>
    public static async Task<GatewaySyncResult> SyncAsync(
        IKongControlPlaneResource controlPlane,
        IGatewayEntityStore store,
        string target,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var consoleLog = services.GetRequiredService<ResourceLoggerService>().GetLogger(controlPlane);
        var appLog = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(KongGatewayConfigSync).FullName!);
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var gate = Gates.GetValue(controlPlane, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfProblems(controlPlane);
            var executionContext = services.GetRequiredService<DistributedApplicationExecutionContext>();
            var addresses = await ResolveUpstreamsAsync(controlPlane, executionContext, cancellationToken).ConfigureAwait(false);
            var desired = await KongGatewayConfigurationBuilder.BuildAsync(
                controlPlane,
                endpoint => addresses[(endpoint.Resource.Name, endpoint.EndpointName)],
                executionContext,
                cancellationToken).ConfigureAwait(false);

            var synchronizer = new GatewayConfigSynchronizer(store, OwnerTag);
            var result = await Retry.ExecuteAsync(
                async token => await synchronizer.SyncAsync(desired, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);

            var summary = Summarize(result);
            consoleLog.LogInformation("Gateway config synced {Target}: {Summary}", target, summary);
            appLog.LogInformation("Gateway config of Kong control plane '{ControlPlane}' synced {Target}: {Summary}", controlPlane.Name, target, summary);
            var syncedAt = (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
            await notifications.PublishUpdateAsync(controlPlane, snapshot => snapshot with
            {
                Properties = KongSnapshotProperties.Set(
                    snapshot.Properties,
                    (StatusProperty, $"synced: {Count(result)}"),
                    (KongSnapshotProperties.Services, desired.Services.Count),
                    (KongSnapshotProperties.Routes, desired.Routes.Count),
                    (KongSnapshotProperties.Plugins, desired.Plugins.Count),
                    (KongSnapshotProperties.LastSync, syncedAt.ToString("u", CultureInfo.InvariantCulture))),
            }).ConfigureAwait(false);
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            consoleLog.LogError(ex, "Gateway config sync failed: {Reason}", ex.Message);
            appLog.LogError("Gateway config sync to Kong control plane '{ControlPlane}' failed: {Reason}", controlPlane.Name, ex.Message);
            await PublishStatusAsync(notifications, controlPlane, $"sync failed: {ex.Message}").ConfigureAwait(false);
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>One line per kind of change, naming the entities.</summary>
    public static string Summarize(GatewaySyncResult result)
    {
        if (!result.HasChanges)
        {
            return $"no changes ({result.Unchanged.Count} entities already as desired)";
        }

        var parts = new List<string>();
        AddPart(parts, "created", result.Created);
        AddPart(parts, "updated", result.Updated);
        AddPart(parts, "deleted", result.Deleted);
        if (result.Unchanged.Count > 0)
        {
            parts.Add($"{result.Unchanged.Count} unchanged");
        }

        return string.Join("; ", parts);
    }

    private static void AddPart(List<string> parts, string verb, IReadOnlyList<string> entities)
    {
        if (entities.Count > 0)
        {
            parts.Add($"{verb} {string.Join(", ", entities)}");
        }
    }

    private static string Count(GatewaySyncResult result)
        => $"{result.Created.Count} created, {result.Updated.Count} updated, {result.Deleted.Count} deleted, {result.Unchanged.Count} unchanged";

    // The data planes are containers: an upstream is addressed as they reach it in the container network
    // (another container's alias, or the host gateway for a project), never as localhost.
    private static async Task<Dictionary<(string Resource, string Endpoint), Uri>> ResolveUpstreamsAsync(
        IKongControlPlaneResource controlPlane,
        DistributedApplicationExecutionContext executionContext,
        CancellationToken cancellationToken)
    {
        var addresses = new Dictionary<(string, string), Uri>();
        foreach (var upstream in controlPlane.Annotations.OfType<KongRouteAnnotation>().Select(route => route.Upstream))
        {
            var key = (upstream.Resource.Name, upstream.EndpointName);
            if (addresses.ContainsKey(key))
            {
                continue;
            }

            var url = await KongContainerNetwork.ResolveAsync(
                upstream.Property(EndpointProperty.Url),
                executionContext,
                UpstreamTimeout,
                $"Endpoint '{upstream.EndpointName}' of '{upstream.Resource.Name}' got no address in the container network within {UpstreamTimeout.TotalMinutes} minutes; is '{upstream.Resource.Name}' starting?",
                cancellationToken).ConfigureAwait(false);
            addresses[key] = new Uri(url ?? throw new DistributedApplicationException(
                $"Endpoint '{upstream.EndpointName}' of '{upstream.Resource.Name}' has no URL the data planes can reach."));
        }

        return addresses;
    }

    // A decK file edited since start-up is checked again, so its problems are named before anything is sent.
    private static void ThrowIfProblems(IKongControlPlaneResource controlPlane)
    {
        var problems = KongGatewayConfigurationBuilder.FindProblems(controlPlane);
        if (problems.Count > 0)
        {
            throw new DistributedApplicationException(
                $"The gateway config of Kong control plane '{controlPlane.Name}' would be rejected, so nothing was sent: {string.Join(" ", problems)}");
        }
    }

    private static async Task PublishVersionAsync(ResourceNotificationService notifications, IResource controlPlane, HttpClient http, CancellationToken cancellationToken)
    {
        if (await KongAdminApiVersion.ReadAsync(http, cancellationToken).ConfigureAwait(false) is { } version)
        {
            await notifications.PublishUpdateAsync(controlPlane, snapshot => snapshot with
            {
                Properties = KongSnapshotProperties.Set(snapshot.Properties, KongSnapshotProperties.Version, version),
            }).ConfigureAwait(false);
        }
    }

    private static Task PublishStatusAsync(ResourceNotificationService notifications, IResource controlPlane, string status)
        => notifications.PublishUpdateAsync(controlPlane, snapshot => snapshot with
        {
            Properties = KongSnapshotProperties.Set(snapshot.Properties, StatusProperty, status),
        });
}
