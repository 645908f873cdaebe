using System.Net;
using KonnectAspire.Konnect.Gateway;

namespace KonnectAspire.Konnect.Admin;

/// <summary>
/// The Kong Admin API refused a request about one entity, e.g.
/// <c>Kong rejected route 'orders' (400): schema violation (paths.1: should start with: / (fixed path) or ~/ (regex path))</c>.
/// </summary>
public sealed class KongAdminApiException : Exception
{
    /// <summary>Creates the exception for a refused request.</summary>
    /// <param name="kind">The kind of entity the request was about.</param>
    /// <param name="entityName">The entity's name (or id when it has none).</param>
    /// <param name="statusCode">The HTTP status Kong answered with.</param>
    /// <param name="kongMessage">Kong's own message (the <c>message</c> field of its error body).</param>
    public KongAdminApiException(GatewayEntityKind kind, string entityName, HttpStatusCode statusCode, string kongMessage)
        : this(kind, entityName, statusCode, kongMessage, Describe($"{kind.Word()} '{entityName}'", statusCode, kongMessage))
    {
    }

    private KongAdminApiException(GatewayEntityKind kind, string entityName, HttpStatusCode statusCode, string kongMessage, string message)
        : base(message)
    {
        Kind = kind;
        EntityName = entityName;
        StatusCode = statusCode;
        KongMessage = kongMessage;
    }

    /// <summary>The kind of entity the request was about.</summary>
    public GatewayEntityKind Kind { get; }

    /// <summary>The entity's name (or id when it has none).</summary>
    public string EntityName { get; }

    /// <summary>The HTTP status Kong answered with.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Kong's own message.</summary>
    public string KongMessage { get; }

    /// <summary>The Admin API refused to list the entities of a kind carrying a tag.</summary>
    internal static KongAdminApiException ForListing(GatewayEntityKind kind, string tag, HttpStatusCode statusCode, string kongMessage)
        => new(kind, $"tag {tag}", statusCode, kongMessage, Describe($"listing the {kind.Word()}s tagged '{tag}'", statusCode, kongMessage));

    private static string Describe(string subject, HttpStatusCode statusCode, string kongMessage)
    {
        var message = $"Kong rejected {subject} ({(int)statusCode}): {kongMessage}";
        return statusCode switch
        {
            HttpStatusCode.Conflict => message + " — another entity already uses this name; rename one of them or remove the hand-made one.",
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => message + " — the Admin API refused access; check the admin token or RBAC settings.",
            _ => message,
        };
    }
}
