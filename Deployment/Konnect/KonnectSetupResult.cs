using KonnectAspire.Konnect.Api;

namespace KonnectAspire.Deployment.Konnect;

/// <summary>What <see cref="KonnectDataPlaneSetup.UpAsync"/> found or made, and what it changed (empty when nothing).</summary>
/// <param name="ControlPlane">The control plane.</param>
/// <param name="ConsoleAddress">The control plane's page in the Konnect console.</param>
/// <param name="Changes">One line per change, in order.</param>
public sealed record KonnectSetupResult(KonnectControlPlane ControlPlane, Uri ConsoleAddress, IReadOnlyList<string> Changes);
