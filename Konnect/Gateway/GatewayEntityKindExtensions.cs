namespace KonnectAspire.Konnect.Gateway;

/// <summary>How a <see cref="GatewayEntityKind"/> is spelled in Kong paths, stable ids and messages.</summary>
internal static class GatewayEntityKindExtensions
{
    /// <summary>The collection in the Kong Admin API and in Konnect core entities: services, routes or plugins.</summary>
    public static string CollectionName(this GatewayEntityKind kind) => kind switch
    {
        GatewayEntityKind.Service => "services",
        GatewayEntityKind.Route => "routes",
        GatewayEntityKind.Plugin => "plugins",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Gateway entities are services, routes and plugins."),
    };

    /// <summary>The kind as one lower-case word (service, route, plugin); part of every stable id, so it must not change.</summary>
    public static string Word(this GatewayEntityKind kind) => kind.ToString().ToLowerInvariant();
}
