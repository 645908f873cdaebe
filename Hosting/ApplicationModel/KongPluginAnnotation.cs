using System.Text.Json.Nodes;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>A plugin recorded on a control plane: global, or scoped to a route, a service, or both.</summary>
public sealed class KongPluginAnnotation : IResourceAnnotation
{
    /// <summary>The plugin name as Kong knows it.</summary>
    public required string Name { get; init; }

    /// <summary>The plugin's config object.</summary>
    public JsonObject Config { get; init; } = [];

    /// <summary>The route name the plugin is scoped to, or null.</summary>
    public string? Route { get; init; }

    /// <summary>The service name the plugin is scoped to, or null. With neither route nor service the plugin is global.</summary>
    public string? Service { get; init; }

    /// <summary>
    /// When set, computes the config at sync or publish time instead of <see cref="Config"/>, for values only known
    /// late (an allocated endpoint, the dashboard's OTLP address, a secret reference).
    /// </summary>
    public Func<KongPluginConfigContext, CancellationToken, ValueTask<JsonObject>>? ConfigProvider { get; init; }
}
