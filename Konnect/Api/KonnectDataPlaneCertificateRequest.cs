namespace KonnectAspire.Konnect.Api;

/// <summary>The body of <c>POST /control-planes/{id}/dp-client-certificates</c>.</summary>
internal sealed record KonnectDataPlaneCertificateRequest(string Cert, string? Title);
