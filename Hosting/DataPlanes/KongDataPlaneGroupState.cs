using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Kong.GatewayConfig;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting.Kong.DataPlanes;

/// <summary>Shows on the dashboard how many instances of a data plane group are ready.</summary>
internal static class KongDataPlaneGroupState
{
    public static async Task TrackAsync(KongDataPlaneResource group, InitializeResourceEvent initialize, CancellationToken cancellationToken)
    {
        var names = group.InstanceResources.Select(instance => instance.Name).ToHashSet(StringComparer.Ordinal);
        var latest = new Dictionary<string, (string? State, HealthStatus? Health)>(StringComparer.Ordinal);
        await initialize.Notifications.PublishUpdateAsync(group, snapshot => snapshot with { State = Describe(latest.Values, group.Instances) })
            .ConfigureAwait(false);

        await foreach (var update in initialize.Notifications.WatchAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!names.Contains(update.Resource.Name))
            {
                continue;
            }

            latest[update.Resource.Name] = (update.Snapshot.State?.Text, update.Snapshot.HealthStatus);
            var ready = latest.Values.Count(IsReady);
            await initialize.Notifications.PublishUpdateAsync(group, snapshot => snapshot with
            {
                State = Describe(latest.Values, group.Instances),
                Properties = KongSnapshotProperties.Set(snapshot.Properties, "kong.ready-instances", $"{ready}/{group.Instances}"),
            }).ConfigureAwait(false);
        }
    }

    /// <summary>Running when every instance is ready; otherwise how many are, flagged when one has failed.</summary>
    public static ResourceStateSnapshot Describe(IEnumerable<(string? State, HealthStatus? Health)> instances, int total)
    {
        var snapshots = instances.ToList();
        var ready = snapshots.Count(IsReady);
        if (ready == total)
        {
            return new(KnownResourceStates.Running, KnownResourceStateStyles.Success);
        }

        var failed = snapshots.Count(snapshot => snapshot.State is { } state && KnownResourceStates.TerminalStates.Contains(state));
        if (failed > 0)
        {
            return new($"{ready}/{total} ready, {failed} failed", KnownResourceStateStyles.Error);
        }

        return snapshots.Count == total && snapshots.All(snapshot => snapshot.State == KnownResourceStates.Waiting)
            ? new(KnownResourceStates.Waiting, KnownResourceStateStyles.Info)
            : new($"{ready}/{total} ready", KnownResourceStateStyles.Info);
    }

    private static bool IsReady((string? State, HealthStatus? Health) instance)
        => instance.State == KnownResourceStates.Running && instance.Health == HealthStatus.Healthy;
}
