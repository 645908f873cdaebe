using System.Text.Json.Serialization;

namespace KonnectAspire.Konnect.Gateway;

/// <summary>A Kong route: the requests (paths, methods, hosts) that go to one service.</summary>
/// <remarks>
/// The one declaration of a Kong route: each property, under its snake_case name, is a field of the Admin API and
/// Konnect body, the decK file and the Kong Operator spec, all derived from it by <see cref="KongEntityJson"/>.
/// </remarks>
public sealed record GatewayRoute
{
    /// <summary>The unique name of the route.</summary>
    public required string Name { get; init; }

    /// <summary>The name of the <see cref="GatewayService"/> this route forwards to.</summary>
    [GatewayReference(GatewayEntityKind.Service)]
    public required string Service { get; init; }

    /// <summary>The path prefixes this route matches; each starts with '/' (or '~' for a regex).</summary>
    [JsonConverter(typeof(MatchAnyListConverter))]
    public IList<string> Paths { get; init; } = [];

    /// <summary>HTTP methods to match; empty matches any.</summary>
    [JsonConverter(typeof(MatchAnyListConverter))]
    public IList<string> Methods { get; init; } = [];

    /// <summary>Host headers to match; empty matches any.</summary>
    [JsonConverter(typeof(MatchAnyListConverter))]
    public IList<string> Hosts { get; init; } = [];

    /// <summary>Protocols the route accepts.</summary>
    public IList<string> Protocols { get; init; } = ["http", "https"];

    /// <summary>Whether Kong strips the matched path prefix before forwarding.</summary>
    public bool StripPath { get; init; } = true;

    /// <summary>Whether Kong forwards the client's Host header.</summary>
    public bool PreserveHost { get; init; }

    /// <summary>Tags of the entity; the sync adds its ownership tag.</summary>
    public IList<string> Tags { get; init; } = [];
}
