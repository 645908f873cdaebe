namespace KonnectAspire.Konnect.Api;

/// <summary>The body of <c>GET /control-planes</c>.</summary>
internal sealed record KonnectControlPlaneList(IReadOnlyList<KonnectControlPlane>? Data);
