using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Kong.GatewayConfig;
using KonnectAspire.Konnect.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.Kong.ControlPlanes;

/// <summary>
/// Starts a Konnect control plane resource: finds or creates the control plane in Konnect, pins the data-plane
/// certificate, shows it on the dashboard as running (which releases its data planes), then syncs the gateway config.
/// </summary>
internal static class KonnectControlPlaneStartup
{
    public const string ControlPlaneNameProperty = "konnect.control-plane";
    public const string RegionProperty = "konnect.region";
    public const string IdProperty = "konnect.id";
    public const string ClusterEndpointProperty = "konnect.cluster-endpoint";
    public const string TelemetryEndpointProperty = "konnect.telemetry-endpoint";
    public const string CertificateProperty = "konnect.data-plane-certificate";
    public const string ErrorProperty = "konnect.error";
    public const string CertificateTitle = "konnectaspire AppHost data planes";

    public static async Task StartAsync(KonnectControlPlaneResource controlPlane, IServiceProvider services, CancellationToken cancellationToken)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var log = services.GetRequiredService<ResourceLoggerService>().GetLogger(controlPlane);
        var appLog = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(KonnectControlPlaneStartup).FullName!);
        await notifications.PublishUpdateAsync(controlPlane, snapshot => snapshot with { State = KnownResourceStates.Starting }).ConfigureAwait(false);

        KonnectClient? client = null;
        try
        {
            client = await CreateClientAsync(controlPlane, log, cancellationToken).ConfigureAwait(false);
            var konnect = await ConnectAsync(controlPlane, client, notifications, log, cancellationToken).ConfigureAwait(false);
            await KongGatewayConfigSync.WithoutRethrowingAsync(
                KongGatewayConfigSync.SyncAsync(controlPlane, client.EntityStore(konnect.Id), "to Konnect", services, cancellationToken),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Konnect's messages name the fix and never carry the token; the data planes keep waiting for a control plane.
            log.LogError("Konnect control plane '{ControlPlane}' could not start: {Reason}", controlPlane.ControlPlaneName, ex.Message);
            appLog.LogError("Konnect control plane '{ControlPlane}' could not start: {Reason}", controlPlane.ControlPlaneName, ex.Message);
            await notifications.PublishUpdateAsync(controlPlane, snapshot => snapshot with
            {
                State = new ResourceStateSnapshot(KnownResourceStates.FailedToStart, KnownResourceStateStyles.Error),
                Properties = KongSnapshotProperties.Set(snapshot.Properties, ErrorProperty, ex.Message),
            }).ConfigureAwait(false);
        }
        finally
        {
            client?.Dispose();
        }
    }

    private static async Task<KonnectClient> CreateClientAsync(KonnectControlPlaneResource controlPlane, ILogger log, CancellationToken cancellationToken)
    {
        var parameter = controlPlane.TokenParameter;
        var token = KonnectAccessToken.Parse(
            await parameter.GetValueAsync(cancellationToken).ConfigureAwait(false),
            $"the parameter '{parameter.Name}' ({ParameterConfigurationKey.For(parameter.Name)})");
        return new KonnectClient(new KonnectClientOptions
        {
            Token = token,
            Region = controlPlane.Region,
            BaseAddress = controlPlane.ApiBaseAddress,
            OnRetry = retry => log.LogWarning(
                "Konnect: retrying {Operation} in {Delay} (attempt {Attempt}, {Cause})",
                retry.Operation,
                retry.Delay,
                retry.Attempt,
                retry.StatusCode is { } status ? $"HTTP {status}" : "timeout or network failure"),
        });
    }

    private static async Task<KonnectControlPlane> ConnectAsync(
        KonnectControlPlaneResource controlPlane,
        KonnectClient client,
        ResourceNotificationService notifications,
        ILogger log,
        CancellationToken cancellationToken)
    {
        log.LogInformation("Finding control plane '{ControlPlane}' in Konnect ({Api})", controlPlane.ControlPlaneName, client.BaseAddress);
        var (konnect, created) = await client.FindOrCreateControlPlaneAsync(
            new KonnectControlPlaneRequest
            {
                Name = controlPlane.ControlPlaneName,
                Description = "Created by the KonnectAspire AppHost (Konnect mode).",
                Labels = new Dictionary<string, string> { ["managed-by"] = "konnectaspire" },
            },
            cancellationToken).ConfigureAwait(false);
        var console = client.Options.ControlPlaneConsoleAddress(konnect.Id);
        log.LogInformation("Control plane '{ControlPlane}' {Found} in Konnect: {Console}", konnect.Name, created ? "created" : "found", console);
        var endpoints = KonnectDataPlaneEndpoints.From(konnect);

        if (!controlPlane.TryGetLastAnnotation<KongClusterCertificateAnnotation>(out var stored))
        {
            throw new DistributedApplicationException($"Konnect control plane '{controlPlane.Name}' has no data-plane certificate store; create it with AddKonnectControlPlane.");
        }

        var certificate = stored.Get(log);
        var pinnedNow = await client.EnsureDataPlaneCertificatePinnedAsync(konnect.Id, certificate.CertificatePem, CertificateTitle, cancellationToken).ConfigureAwait(false);
        var description = $"SHA-256 {certificate.Sha256Fingerprint[..16]}…, valid to {certificate.NotAfter:yyyy-MM-dd}";
        log.LogInformation("Data-plane certificate {Pinned} in Konnect: {Certificate}", pinnedNow ? "pinned" : "already pinned", description);

        controlPlane.Connected(new KonnectClusterConnection(endpoints, certificate));
        await notifications.PublishUpdateAsync(controlPlane, snapshot => snapshot with
        {
            State = new ResourceStateSnapshot(KnownResourceStates.Running, KnownResourceStateStyles.Success),
            Urls = [new UrlSnapshot("konnect", console.AbsoluteUri, IsInternal: false) { DisplayProperties = new UrlDisplayPropertiesSnapshot("Konnect", 0) }],
            Properties = KongSnapshotProperties.Set(
                snapshot.Properties.RemoveAll(property => property.Name == ErrorProperty),
                (IdProperty, konnect.Id.ToString()),
                (ClusterEndpointProperty, endpoints.ControlPlane),
                (TelemetryEndpointProperty, endpoints.Telemetry),
                (CertificateProperty, description)),
        }).ConfigureAwait(false);
        return konnect;
    }
}
