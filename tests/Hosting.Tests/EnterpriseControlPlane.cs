namespace KonnectAspire.Hosting.Tests;

/// <summary>A stand-in for a Konnect control plane: Enterprise data planes, a fixed cluster address.</summary>
internal sealed class EnterpriseControlPlane : Resource, IKongControlPlaneResource
{
    public EnterpriseControlPlane(string name, bool connect = true)
        : base(name)
    {
        if (connect)
        {
            Annotations.Add(new KongDataPlaneConnectionAnnotation(context =>
            {
                context.EnvironmentVariables["KONG_CLUSTER_CONTROL_PLANE"] = "example.cp.konghq.com:443";
                context.EnvironmentVariables["KONG_KONNECT_MODE"] = "on";
                return Task.CompletedTask;
            }));
        }
    }

    public KongEdition Edition => KongEdition.Enterprise;
}
