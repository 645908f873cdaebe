using System.Diagnostics;

namespace KonnectAspire.SampleService.Diagnostics;

/// <summary>GET /headers: what arrived, so a caller can see what the gateway added (traceparent, X-Forwarded-*, Kong's own).</summary>
public static class HeadersApi
{
    /// <summary>The path of the endpoint.</summary>
    public const string Path = "/headers";

    // Echoed back to the same caller only, but still not worth showing on a shared screen or in a load-test log.
    private static readonly HashSet<string> SensitiveHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "apikey", "X-Api-Key", "Kong-Admin-Token",
    };

    /// <summary>Maps GET /headers.</summary>
    public static IEndpointRouteBuilder MapHeadersApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(Path, (HttpRequest request) => TypedResults.Ok(Describe(request, Activity.Current)));
        return endpoints;
    }

    internal static HeadersEcho Describe(HttpRequest request, Activity? serverActivity)
    {
        var headers = request.Headers
            .OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(h => h.Key, h => SensitiveHeaders.Contains(h.Key) ? "***" : h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new HeadersEcho(
            request.Method,
            $"{request.PathBase}{request.Path}",
            headers.GetValueOrDefault("traceparent"),
            serverActivity?.TraceId.ToHexString(),
            serverActivity?.SpanId.ToHexString(),
            serverActivity?.ParentSpanId is { } parent && parent != default ? parent.ToHexString() : null,
            headers);
    }
}
