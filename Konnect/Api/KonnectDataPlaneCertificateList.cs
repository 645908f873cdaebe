namespace KonnectAspire.Konnect.Api;

/// <summary>The body of <c>GET /control-planes/{id}/dp-client-certificates</c>.</summary>
internal sealed record KonnectDataPlaneCertificateList(IReadOnlyList<KonnectDataPlaneCertificate>? Items);
