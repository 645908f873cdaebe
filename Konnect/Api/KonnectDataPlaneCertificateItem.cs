namespace KonnectAspire.Konnect.Api;

/// <summary>The body of a pinned certificate response: <c>{"item": {...}}</c>.</summary>
internal sealed record KonnectDataPlaneCertificateItem(KonnectDataPlaneCertificate? Item);
