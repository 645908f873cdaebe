using System.Collections.Immutable;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Kong.GatewayConfig;

/// <summary>Sets the dashboard properties this integration shows on its resources.</summary>
internal static class KongSnapshotProperties
{
    /// <summary>The name of the control plane a data plane connects to.</summary>
    public const string ControlPlane = "kong.control-plane";

    /// <summary><c>control_plane</c> or <c>data_plane</c>, as kong.conf <c>role</c> says.</summary>
    public const string Role = "kong.role";

    /// <summary>The Kong version: the pinned image tag, then what the Admin API reports once it answers.</summary>
    public const string Version = "kong.version";

    /// <summary>Where data planes reach their control plane (<c>KONG_CLUSTER_CONTROL_PLANE</c> as they got it).</summary>
    public const string ControlPlaneAddress = "kong.control-plane-address";

    /// <summary>How many services the last successful sync left on the control plane.</summary>
    public const string Services = "kong.services";

    /// <summary>How many routes the last successful sync left on the control plane.</summary>
    public const string Routes = "kong.routes";

    /// <summary>How many plugins the last successful sync left on the control plane.</summary>
    public const string Plugins = "kong.plugins";

    /// <summary>When the last successful sync finished (UTC).</summary>
    public const string LastSync = "kong.last-sync";

    private static readonly Dictionary<string, string> DisplayNames = new(StringComparer.Ordinal)
    {
        [ControlPlane] = "Control plane",
        [Role] = "Kong role",
        [Version] = "Kong version",
        [ControlPlaneAddress] = "Control plane address",
        [Services] = "Services synced",
        [Routes] = "Routes synced",
        [Plugins] = "Plugins synced",
        [LastSync] = "Last sync",
    };

    /// <summary>Replaces (or adds) the property <paramref name="name"/>.</summary>
    public static ImmutableArray<ResourcePropertySnapshot> Set(ImmutableArray<ResourcePropertySnapshot> properties, string name, object value)
        => properties.RemoveAll(property => property.Name == name).Add(new ResourcePropertySnapshot(name, value) { DisplayName = DisplayNames.GetValueOrDefault(name) });

    /// <summary>Replaces (or adds) each of <paramref name="values"/>, in order.</summary>
    public static ImmutableArray<ResourcePropertySnapshot> Set(ImmutableArray<ResourcePropertySnapshot> properties, params ReadOnlySpan<(string Name, object Value)> values)
    {
        foreach (var (name, value) in values)
        {
            properties = Set(properties, name, value);
        }

        return properties;
    }
}
