using System.Collections.Immutable;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Kong.ControlPlanes;
using Aspire.Hosting.Kong.GatewayConfig;

namespace Aspire.Hosting.Kong.DataPlanes;

/// <summary>
/// What data planes show on the dashboard: each instance its <c>proxy</c> URL and <c>/status</c> page; instances and
/// group their role, Kong version, control plane and the control plane address they were given; the group, in addition,
/// the proxy URL of every instance.
/// </summary>
internal static class KongDataPlaneDashboard
{
    /// <summary>Names the instance's URLs and shows its role, version and control plane.</summary>
    public static IResourceBuilder<KongDataPlaneInstanceResource> WithDashboard(this IResourceBuilder<KongDataPlaneInstanceResource> builder)
        => builder
            .WithUrlForEndpoint(KongDataPlaneInstanceResource.ProxyEndpointName, url => url.DisplayText = "proxy")
            .WithUrlForEndpoint(KongDataPlaneInstanceResource.StatusEndpointName, KongStatusUrl.Show)
            .OnInitializeResource((instance, initialize, _) => PublishRoleAsync(initialize.Notifications, instance, instance.Parent));

    /// <summary>Shows the group's role and version, then follows its instances for their address and proxy URLs.</summary>
    public static IResourceBuilder<KongDataPlaneResource> WithDashboard(this IResourceBuilder<KongDataPlaneResource> builder)
        => builder.OnInitializeResource(async (group, initialize, cancellationToken) =>
        {
            await PublishRoleAsync(initialize.Notifications, group, group).ConfigureAwait(false);
            await FollowInstancesAsync(group, initialize.Notifications, cancellationToken).ConfigureAwait(false);
        });

    /// <summary>The proxy URLs of the instances, as the group lists them: one per instance, named after it, in instance order.</summary>
    public static ImmutableArray<UrlSnapshot> GroupUrls(KongDataPlaneResource group, IReadOnlyDictionary<string, string> proxyUrls)
        => [.. group.InstanceResources
            .Select((instance, index) => (instance, index))
            .Where(entry => proxyUrls.ContainsKey(entry.instance.Name))
            .Select(entry => new UrlSnapshot($"{entry.instance.Name}-proxy", proxyUrls[entry.instance.Name], IsInternal: false)
            {
                DisplayProperties = new UrlDisplayPropertiesSnapshot($"{entry.instance.Name} proxy", entry.index),
            })];

    /// <summary>The control plane address a data plane container was started with, or null before it has been.</summary>
    public static string? ControlPlaneAddressOf(CustomResourceSnapshot instance)
        => instance.EnvironmentVariables.FirstOrDefault(variable => variable.Name == KongEnvironment.ClusterControlPlaneVariable)?.Value is { Length: > 0 } address
            ? address
            : null;

    private static Task PublishRoleAsync(ResourceNotificationService notifications, IResource resource, KongDataPlaneResource group)
        => notifications.PublishUpdateAsync(resource, snapshot => snapshot with
        {
            Properties = KongSnapshotProperties.Set(
                snapshot.Properties,
                (KongSnapshotProperties.Role, KongEnvironment.DataPlaneRole),
                (KongSnapshotProperties.Version, KongContainerImageTags.For(group.ControlPlane.Edition).Tag),
                (KongSnapshotProperties.ControlPlane, group.ControlPlane.Name)),
        });

    private static async Task FollowInstancesAsync(KongDataPlaneResource group, ResourceNotificationService notifications, CancellationToken cancellationToken)
    {
        var instances = group.InstanceResources.ToDictionary(instance => instance.Name, StringComparer.Ordinal);
        var proxyUrls = new Dictionary<string, string>(StringComparer.Ordinal);
        string? groupAddress = null;
        await foreach (var update in notifications.WatchAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!instances.TryGetValue(update.Resource.Name, out var instance))
            {
                continue;
            }

            // Publishing on the instance comes back here as its own update; by then the property matches and nothing repeats.
            if (ControlPlaneAddressOf(update.Snapshot) is { } address)
            {
                if (!HasProperty(update.Snapshot, KongSnapshotProperties.ControlPlaneAddress, address))
                {
                    await PublishAddressAsync(notifications, instance, address).ConfigureAwait(false);
                }

                if (address != groupAddress)
                {
                    groupAddress = address;
                    await PublishAddressAsync(notifications, group, address).ConfigureAwait(false);
                }
            }

            var proxy = update.Snapshot.Urls.FirstOrDefault(url => url.Name == KongDataPlaneInstanceResource.ProxyEndpointName && !url.IsInternal)?.Url;
            if (proxy is not null && (!proxyUrls.TryGetValue(instance.Name, out var known) || known != proxy))
            {
                proxyUrls[instance.Name] = proxy;
                var urls = GroupUrls(group, proxyUrls);
                await notifications.PublishUpdateAsync(group, snapshot => snapshot with { Urls = urls }).ConfigureAwait(false);
            }
        }
    }

    private static Task PublishAddressAsync(ResourceNotificationService notifications, IResource resource, string address)
        => notifications.PublishUpdateAsync(resource, snapshot => snapshot with
        {
            Properties = KongSnapshotProperties.Set(snapshot.Properties, KongSnapshotProperties.ControlPlaneAddress, address),
        });

    private static bool HasProperty(CustomResourceSnapshot snapshot, string name, string value)
        => snapshot.Properties.Any(property => property.Name == name && Equals(property.Value, value));
}
