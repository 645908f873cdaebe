namespace Aspire.Hosting.ApplicationModel;

/// <summary>Which Kong the data planes of a control plane run, and so which plugins exist.</summary>
public enum KongEdition
{
    /// <summary>Open-source Kong (the local control plane, <c>kong:3.9</c>).</summary>
    OpenSource,

    /// <summary>Kong Gateway Enterprise (Konnect data planes, <c>kong/kong-gateway</c>).</summary>
    Enterprise,
}
