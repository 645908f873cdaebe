namespace KonnectAspire.Konnect.Api;

/// <summary>The Konnect regions; each has its own API at <c>https://&lt;region&gt;.api.konghq.com/v2</c>.</summary>
public enum KonnectRegion
{
    /// <summary>United States (<c>us.api.konghq.com</c>).</summary>
    Us,

    /// <summary>Europe (<c>eu.api.konghq.com</c>).</summary>
    Eu,

    /// <summary>Australia (<c>au.api.konghq.com</c>).</summary>
    Au,

    /// <summary>Middle East (<c>me.api.konghq.com</c>).</summary>
    Me,

    /// <summary>India (<c>in.api.konghq.com</c>).</summary>
    In,

    /// <summary>Singapore (<c>sg.api.konghq.com</c>).</summary>
    Sg,
}
