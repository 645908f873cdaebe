using System.Globalization;

namespace KonnectAspire.Konnect.Api;

/// <summary>How a <see cref="KonnectClient"/> reaches Konnect: region or base URL, token, timeouts and retries.</summary>
public sealed record KonnectClientOptions
{
    /// <summary>The token sent as <c>Authorization: Bearer</c>.</summary>
    public required KonnectAccessToken Token { get; init; }

    /// <summary>The Konnect region; ignored when <see cref="BaseAddress"/> is set.</summary>
    public KonnectRegion Region { get; init; } = KonnectRegion.Us;

    /// <summary>
    /// Overrides the API root, e.g. a mock server (<c>http://127.0.0.1:4010</c>). The Control Planes paths are
    /// resolved below it, so for real Konnect it ends in <c>/v2</c>.
    /// </summary>
    public Uri? BaseAddress { get; init; }

    /// <summary>How long one attempt may take before it is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one call may take with all its retries.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>How many times a throttled (429), failed (5xx) or timed-out call is retried.</summary>
    public int MaxRetryAttempts { get; init; } = 4;

    /// <summary>The first retry delay when Konnect sends no <c>Retry-After</c>; later ones grow exponentially.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Called before each retry, e.g. to tell the user that Konnect is throttling.</summary>
    public Action<KonnectRetryEvent>? OnRetry { get; init; }

    /// <summary>The API root this client sends requests to, always ending in '/'.</summary>
    public Uri ResolveBaseAddress()
    {
        var root = BaseAddress ?? new Uri($"https://{ApiHost(Region)}/v2/");
        return root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
    }

    /// <summary>The Konnect web page of a control plane, for links in logs and on the dashboard.</summary>
    /// <param name="controlPlaneId">The control plane id.</param>
    public Uri ControlPlaneConsoleAddress(Guid controlPlaneId)
        => new($"https://cloud.konghq.com/{RegionName(Region)}/gateway-manager/{controlPlaneId.ToString("D", CultureInfo.InvariantCulture)}");

    /// <summary>The Konnect API host of a region, e.g. <c>eu.api.konghq.com</c>.</summary>
    /// <param name="region">The region.</param>
    /// <returns>The host name, without scheme or path.</returns>
    public static string ApiHost(KonnectRegion region) => $"{RegionName(region)}.api.konghq.com";

    /// <summary>The lower-case region name used in Konnect host names (<c>us</c>, <c>eu</c>, ...).</summary>
    /// <param name="region">The region.</param>
    public static string RegionName(KonnectRegion region) => region switch
    {
        KonnectRegion.Us => "us",
        KonnectRegion.Eu => "eu",
        KonnectRegion.Au => "au",
        KonnectRegion.Me => "me",
        KonnectRegion.In => "in",
        KonnectRegion.Sg => "sg",
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, "Konnect regions are us, eu, au, me, in and sg."),
    };

    /// <summary>Parses a region name such as <c>eu</c>; throws <see cref="ArgumentException"/> listing the valid names.</summary>
    /// <param name="name">The region name, any case.</param>
    public static KonnectRegion ParseRegion(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var region in Enum.GetValues<KonnectRegion>())
        {
            if (string.Equals(RegionName(region), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return region;
            }
        }

        throw new ArgumentException($"'{name}' is not a Konnect region; use one of us, eu, au, me, in, sg.", nameof(name));
    }
}
