using OpenTelemetry.Proto.Trace.V1;

namespace KonnectAspire.TestSupport.Otlp;

/// <summary>A span as an OTLP/HTTP exporter sent it, with its resource's service.name and ids as lower-case hex.</summary>
public sealed record ReceivedSpan(string? ServiceName, Span Span)
{
    public string TraceId => Convert.ToHexStringLower(Span.TraceId.Span);

    public string SpanId => Convert.ToHexStringLower(Span.SpanId.Span);

    /// <summary>Empty for a root span.</summary>
    public string ParentSpanId => Convert.ToHexStringLower(Span.ParentSpanId.Span);

    public Span.Types.SpanKind Kind => Span.Kind;

    public string? Attribute(string key) => Span.Attributes.FirstOrDefault(a => a.Key == key)?.Value switch
    {
        null => null,
        { ValueCase: OpenTelemetry.Proto.Common.V1.AnyValue.ValueOneofCase.IntValue } v => v.IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        var v => v.StringValue,
    };

    public override string ToString() => $"{ServiceName} {Kind} '{Span.Name}' trace={TraceId} span={SpanId} parent={ParentSpanId}";
}
