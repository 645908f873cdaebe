namespace KonnectAspire.Konnect.Gateway;

/// <summary>The kinds of Kong entities the gateway-config sync manages, in creation order.</summary>
public enum GatewayEntityKind
{
    /// <summary>A Kong service.</summary>
    Service,

    /// <summary>A Kong route.</summary>
    Route,

    /// <summary>A Kong plugin.</summary>
    Plugin,
}
