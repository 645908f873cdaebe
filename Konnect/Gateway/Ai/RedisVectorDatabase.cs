using System.Text.Json.Nodes;

namespace KonnectAspire.Konnect.Gateway.Ai;

/// <summary>
/// A Redis with the search module (Redis Stack, or a managed Redis with vector search) that holds the semantic
/// cache's vectors: a connection setting, as the data planes reach it.
/// </summary>
public sealed record RedisVectorDatabase
{
    /// <summary>Creates the connection setting.</summary>
    /// <param name="host">The host name the data planes resolve.</param>
    /// <param name="port">The port, 1 to 65535.</param>
    /// <exception cref="ArgumentException">No host, or a port out of range.</exception>
    public RedisVectorDatabase(string host, int port)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        Host = host;
        Port = port;
    }

    /// <summary>The host name.</summary>
    public string Host { get; }

    /// <summary>The port.</summary>
    public int Port { get; }

    /// <summary>The password (or a vault reference to it), when Redis requires one.</summary>
    public string? Password { get; init; }

    /// <summary>Whether to connect with TLS.</summary>
    public bool Ssl { get; init; }

    /// <summary>Host, port and TLS; the password only as whether one is set.</summary>
    /// <returns>A one-line description without the password.</returns>
    public override string ToString()
        => $"redis {Host}:{Port}{(Ssl ? " (TLS)" : string.Empty)}{(string.IsNullOrEmpty(Password) ? string.Empty : ", password ***")}";

    /// <summary>The <c>vectordb.redis</c> record.</summary>
    /// <returns>A new JSON object.</returns>
    public JsonObject ToJson()
    {
        var redis = new JsonObject { ["host"] = Host, ["port"] = Port };
        if (!string.IsNullOrEmpty(Password))
        {
            redis["password"] = Password;
        }

        if (Ssl)
        {
            redis["ssl"] = true;
        }

        return redis;
    }
}
