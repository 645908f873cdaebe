namespace KonnectAspire.Konnect.Gateway;

/// <summary>A Kong service: where Kong forwards the requests its routes match.</summary>
/// <remarks>
/// The one declaration of a Kong service: each property, under its snake_case name, is a field of the Admin API and
/// Konnect body, the decK file and the Kong Operator spec, all derived from it by <see cref="KongEntityJson"/>.
/// </remarks>
public sealed record GatewayService
{
    /// <summary>The unique name of the service.</summary>
    public required string Name { get; init; }

    /// <summary>The upstream protocol, <c>http</c> or <c>https</c>.</summary>
    public string Protocol { get; init; } = "http";

    /// <summary>The upstream host name as the data planes reach it.</summary>
    public required string Host { get; init; }

    /// <summary>The upstream port.</summary>
    public int Port { get; init; } = 80;

    /// <summary>A path prefix prepended to upstream requests, or null.</summary>
    public string? Path { get; init; }

    /// <summary>Tags of the entity; the sync adds its ownership tag.</summary>
    public IList<string> Tags { get; init; } = [];
}
