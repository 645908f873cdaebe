using System.Text;
using System.Text.Json.Nodes;

namespace KonnectAspire.Konnect.Gateway;

/// <summary>A Kong plugin with its configuration, applied globally or to one service or route.</summary>
/// <remarks>
/// The one declaration of a Kong plugin: each property, under its snake_case name, is a field of the Admin API and
/// Konnect body, the decK file and the Kong Operator spec, all derived from it by <see cref="KongEntityJson"/>.
/// </remarks>
public sealed record GatewayPlugin
{
    /// <summary>The plugin name as Kong knows it, e.g. <c>rate-limiting</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The name of the service this plugin is scoped to, or null.</summary>
    [GatewayReference(GatewayEntityKind.Service)]
    public string? Service { get; init; }

    /// <summary>The name of the route this plugin is scoped to, or null.</summary>
    [GatewayReference(GatewayEntityKind.Route)]
    public string? Route { get; init; }

    /// <summary>The plugin's <c>config</c> object, as Kong's schema for the plugin defines it.</summary>
    public JsonObject Config { get; init; } = [];

    /// <summary>Whether the plugin is enabled.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Tags of the entity; the sync adds its ownership tag.</summary>
    public IList<string> Tags { get; init; } = [];

    // Config may hold credentials (an ai-proxy auth header, a Redis password), so ToString names its keys only.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Name = ").Append(Name)
            .Append(", Service = ").Append(Service)
            .Append(", Route = ").Append(Route)
            .Append(", Config = [").AppendJoin(", ", Config.Select(pair => pair.Key)).Append(']')
            .Append(", Enabled = ").Append(Enabled)
            .Append(", Tags = [").AppendJoin(", ", Tags).Append(']');
        return true;
    }
}
