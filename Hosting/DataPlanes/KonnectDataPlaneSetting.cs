using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Kong.DataPlanes;

/// <summary>
/// One <c>KONG_*</c> setting of a Konnect data plane, known only once the control plane is found in Konnect and the
/// certificate pinned; its data planes wait for that, so by the time the value is read it is there.
/// </summary>
/// <param name="controlPlane">The Konnect control plane.</param>
/// <param name="variable">The variable name, e.g. <c>KONG_CLUSTER_CONTROL_PLANE</c>.</param>
internal sealed class KonnectDataPlaneSetting(KonnectControlPlaneResource controlPlane, string variable) : IValueProvider, IManifestExpressionProvider
{
    public string Variable { get; } = variable;

    public string ValueExpression => $"{{{controlPlane.Name}.konnect.{Variable}}}";

    /// <summary>Points a data plane container at <paramref name="controlPlane"/>.</summary>
    public static void AddTo(IDictionary<string, object> environment, KonnectControlPlaneResource controlPlane)
    {
        foreach (var variable in KonnectClusterConnection.EnvironmentNames)
        {
            environment[variable] = new KonnectDataPlaneSetting(controlPlane, variable);
        }
    }

    public async ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default)
    {
        var connection = await controlPlane.Connection.WaitAsync(cancellationToken).ConfigureAwait(false);
        return connection.Environment[Variable];
    }

    public override string ToString() => ValueExpression;
}
