namespace Aspire.Hosting.ApplicationModel;

/// <summary>A route recorded on a control plane: requests matching <see cref="Path"/> go to <see cref="Upstream"/>.</summary>
public sealed class KongRouteAnnotation : IResourceAnnotation
{
    /// <summary>The route (and Kong service) name.</summary>
    public required string Name { get; init; }

    /// <summary>The path prefix the route matches.</summary>
    public required string Path { get; init; }

    /// <summary>The HTTP endpoint of the resource the route forwards to.</summary>
    public required EndpointReference Upstream { get; init; }

    /// <summary>Whether Kong strips <see cref="Path"/> before forwarding.</summary>
    public bool StripPath { get; init; } = true;
}
