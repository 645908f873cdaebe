using System.Globalization;
using System.Runtime.CompilerServices;
using Aspire.Hosting.ApplicationModel;
using KonnectAspire.Konnect.Admin;
using KonnectAspire.Konnect.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Aspire.Hosting.Kong;

/// <summary>
/// Syncs the gateway config recorded on a local control plane through its Admin API once it is healthy (and again on
/// the "Sync gateway config" command), and logs what changed (or why Kong refused it) to the control plane's console
/// and the AppHost log.
/// </summary>
internal static class KongGatewayConfigSync
{
    /// <summary>The tag that marks the Kong entities the AppHost owns; entities without it are left alone.</summary>
    public const string OwnerTag = "konnectaspire";

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
    private static readonly ConditionalWeakTable<KongControlPlaneResource, SemaphoreSlim> Gates = new();

    /// <summary>
    /// The sync run once the control plane is healthy. A failure has been logged and shown on the control plane by
    /// <see cref="SyncAsync"/>; the data planes keep running with what Kong accepted, so it goes no further.
    /// </summary>
    public static async Task SyncWhenReadyAsync(KongControlPlaneResource controlPlane, ResourceReadyEvent ready, CancellationToken cancellationToken)
    {
        try
        {
            await SyncAsync(controlPlane, ready.Services, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Already reported by SyncAsync.
        }
    }

    /// <summary>
    /// Builds the gateway config recorded on <paramref name="controlPlane"/> (reading its decK files again), syncs it
    /// through the Admin API, logs what changed to the control plane's console and the AppHost log, and shows on the
    /// control plane the result, the number of services, routes and plugins synced, the time and the Kong version.
    /// </summary>
    /// <returns>What the sync changed. When the config has problems or Kong refuses it, the exception says which entity and why.</returns>
    public static async Task<GatewaySyncResult> SyncAsync(KongControlPlaneResource controlPlane, IServiceProvider services, CancellationToken cancellationToken)
    {
        var consoleLog = services.GetRequiredService<ResourceLoggerService>().GetLogger(controlPlane);
        var appLog = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(KongGatewayConfigSync).FullName!);
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var gate = Gates.GetValue(controlPlane, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        HttpClient? http = null;
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

            http = new HttpClient { BaseAddress = new Uri($"{controlPlane.AdminEndpoint.Url.TrimEnd('/')}/"), Timeout = TimeSpan.FromSeconds(30) };
            var synchronizer = new GatewayConfigSynchronizer(new KongAdminApiStore(http), OwnerTag);
            var result = await Retry.ExecuteAsync(
                async token => await synchronizer.SyncAsync(desired, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);

            var summary = Summarize(result);
            consoleLog.LogInformation("Gateway config synced through the Admin API: {Summary}", summary);
            appLog.LogInformation("Gateway config of Kong control plane '{ControlPlane}' synced: {Summary}", controlPlane.Name, summary);
            var syncedAt = (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
            await notifications.PublishUpdateAsync(controlPlane, snapshot =>
            {
                var properties = KongSnapshotProperties.Set(snapshot.Properties, StatusProperty, $"synced: {Count(result)}");
                properties = KongSnapshotProperties.Set(properties, KongSnapshotProperties.Services, desired.Services.Count);
                properties = KongSnapshotProperties.Set(properties, KongSnapshotProperties.Routes, desired.Routes.Count);
                properties = KongSnapshotProperties.Set(properties, KongSnapshotProperties.Plugins, desired.Plugins.Count);
                return snapshot with { Properties = KongSnapshotProperties.Set(properties, KongSnapshotProperties.LastSync, syncedAt.ToString("u", CultureInfo.InvariantCulture)) };
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
            // Also after a refusal: the Admin API answered, so the version it reports is worth showing.
            if (http is not null && !cancellationToken.IsCancellationRequested)
            {
                await PublishVersionAsync(notifications, controlPlane, http, cancellationToken).ConfigureAwait(false);
            }

            http?.Dispose();
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
        KongControlPlaneResource controlPlane,
        DistributedApplicationExecutionContext executionContext,
        CancellationToken cancellationToken)
    {
        var context = new ValueProviderContext { ExecutionContext = executionContext, Network = KnownNetworkIdentifiers.DefaultAspireContainerNetwork };
        var addresses = new Dictionary<(string, string), Uri>();
        foreach (var upstream in controlPlane.Annotations.OfType<KongRouteAnnotation>().Select(route => route.Upstream))
        {
            var key = (upstream.Resource.Name, upstream.EndpointName);
            if (addresses.ContainsKey(key))
            {
                continue;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(UpstreamTimeout);
            string? url;
            try
            {
                url = await upstream.Property(EndpointProperty.Url).GetValueAsync(context, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DistributedApplicationException(
                    $"Endpoint '{upstream.EndpointName}' of '{upstream.Resource.Name}' got no address in the container network within {UpstreamTimeout.TotalMinutes} minutes; is '{upstream.Resource.Name}' starting?");
            }

            addresses[key] = new Uri(url ?? throw new DistributedApplicationException(
                $"Endpoint '{upstream.EndpointName}' of '{upstream.Resource.Name}' has no URL the data planes can reach."));
        }

        return addresses;
    }

    // A decK file edited since start-up is checked again, so its problems are named before anything is sent.
    private static void ThrowIfProblems(KongControlPlaneResource controlPlane)
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
