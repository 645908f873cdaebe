using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting.Kong.GatewayConfig;

/// <summary>
/// The "Sync gateway config" command of a local control plane on the dashboard: runs the same sync as start-up
/// (decK files read again) and answers with what changed, or Kong's reason for refusing it.
/// </summary>
internal static class KongGatewaySyncCommand
{
    /// <summary>The command name, for <c>ResourceCommandService.ExecuteCommandAsync</c>.</summary>
    public const string Name = "sync-gateway-config";

    /// <summary>The command's label on the dashboard.</summary>
    public const string DisplayName = "Sync gateway config";

    /// <summary>Adds the command to <paramref name="builder"/>.</summary>
    public static IResourceBuilder<KongControlPlaneResource> AddTo(IResourceBuilder<KongControlPlaneResource> builder)
    {
        var controlPlane = builder.Resource;
        return builder.WithCommand(
            Name,
            DisplayName,
            context => ExecuteAsync(controlPlane, context),
            new CommandOptions
            {
                Description = "Syncs the routes, plugins and decK files recorded on this control plane through its Admin API again, and says what changed.",
                IconName = "ArrowSync",
                IconVariant = IconVariant.Regular,
                UpdateState = context => StateFor(context.ResourceSnapshot),
            });
    }

    /// <summary>Enabled only while the control plane runs and its Admin API is ready (healthy); the sync needs both.</summary>
    public static ResourceCommandState StateFor(CustomResourceSnapshot snapshot)
        => snapshot.State?.Text == KnownResourceStates.Running && snapshot.HealthStatus == HealthStatus.Healthy
            ? ResourceCommandState.Enabled
            : ResourceCommandState.Disabled;

    private static async Task<ExecuteCommandResult> ExecuteAsync(KongControlPlaneResource controlPlane, ExecuteCommandContext context)
    {
        try
        {
            var result = await KongGatewayConfigSync.SyncAsync(controlPlane, context.Services, context.CancellationToken).ConfigureAwait(false);
            return CommandResults.Success(KongGatewayConfigSync.Summarize(result));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            return CommandResults.Failure($"Gateway config sync failed: {ex.Message}");
        }
    }
}
