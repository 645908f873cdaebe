namespace KonnectAspire.SampleService.Diagnostics;

/// <summary>The answer of GET /headers: the request's headers and the server span the service recorded for it.</summary>
public sealed record HeadersEcho(
    string Method,
    string Path,
    string? Traceparent,
    string? ServerTraceId,
    string? ServerSpanId,
    string? ServerParentSpanId,
    IReadOnlyDictionary<string, string> Headers);
