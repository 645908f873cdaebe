namespace KonnectAspire.Deployment.Konnect;

/// <summary>What <c>konnect up</c> provisioned, kept as konnect.json beside the files (no secrets in it).</summary>
public sealed record KonnectProvisionedState(
    Guid ControlPlaneId,
    string ControlPlaneName,
    string ApiBaseAddress,
    string ConsoleAddress,
    string ControlPlaneEndpoint,
    string TelemetryEndpoint,
    string CertificateSha256,
    DateTimeOffset CertificateNotAfter);
