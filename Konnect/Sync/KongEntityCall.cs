using KonnectAspire.Konnect.Gateway;

namespace KonnectAspire.Konnect.Sync;

/// <summary>One request of a <see cref="KongEntityApiStore"/>, for retry notices and error messages.</summary>
/// <param name="Kind">The kind of entity the request is about.</param>
/// <param name="Method">GET (a listing), PUT or DELETE.</param>
/// <param name="Subject">The tag listed for GET; the entity's name (or id when it has none) for PUT and DELETE.</param>
public sealed record KongEntityCall(GatewayEntityKind Kind, HttpMethod Method, string Subject)
{
    /// <summary>Whether this call lists the entities carrying the tag <see cref="Subject"/>.</summary>
    public bool IsListing => Method == HttpMethod.Get;

    /// <summary>What the call does, e.g. <c>list services</c>, <c>upsert routes</c>, <c>delete plugins</c>.</summary>
    public string Operation => $"{(IsListing ? "list" : Method == HttpMethod.Put ? "upsert" : "delete")} {Kind.CollectionName()}";
}
