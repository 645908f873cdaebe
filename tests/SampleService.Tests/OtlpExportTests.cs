using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using OpenTelemetry.Proto.Trace.V1;

namespace KonnectAspire.SampleService.Tests;

public sealed class OtlpExportTests(SampleServiceUnderAspire service) : IClassFixture<SampleServiceUnderAspire>
{
    // Bounds the wait for the exporter's next batch; the batch delay is 200 ms under the fixture.
    private static readonly TimeSpan ExportTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_sample_service_turns_healthy_under_the_testing_builder()
    {
        using var client = service.CreateClient();

        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        Assert.True(service.App.ResourceNotifications.TryGetCurrentState(SampleServiceUnderAspire.ResourceName, out var state));
        Assert.Equal("Healthy", state.Snapshot.HealthStatus?.ToString());
    }

    [Fact]
    public async Task A_call_with_a_w3c_traceparent_exports_a_server_span_whose_parent_is_the_callers_span()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var callerSpanId = ActivitySpanId.CreateRandom().ToHexString();
        using var client = service.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
        request.Headers.Add("traceparent", $"00-{traceId}-{callerSpanId}-01");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var server = await service.Receiver.WaitForSpanAsync(
            s => s.TraceId == traceId && s.Kind == Span.Types.SpanKind.Server, ExportTimeout, $"of kind SERVER in trace {traceId}");
        Assert.Equal(callerSpanId, server.ParentSpanId);
        Assert.Equal(SampleServiceUnderAspire.ResourceName, server.ServiceName);
        Assert.Equal("GET", server.Attribute("http.request.method"));
        Assert.Equal("200", server.Attribute("http.response.status_code"));
    }

    [Fact]
    public async Task Creating_an_order_exports_the_services_own_span_under_the_server_span()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var client = service.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders")
        {
            Content = JsonContent.Create(new { customer = "Traced", lines = new[] { new { sku = "KONG-MUG", quantity = 1, unitPrice = 12.5m } } }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var server = await service.Receiver.WaitForSpanAsync(
            s => s.TraceId == traceId && s.Kind == Span.Types.SpanKind.Server, ExportTimeout, $"of kind SERVER in trace {traceId}");
        var own = await service.Receiver.WaitForSpanAsync(
            s => s.TraceId == traceId && s.Span.Name == "orders.create", ExportTimeout, $"'orders.create' in trace {traceId}");
        Assert.Equal(server.SpanId, own.ParentSpanId);
    }

    [Fact]
    public async Task Health_probes_are_not_exported()
    {
        var probeTrace = ActivityTraceId.CreateRandom().ToHexString();
        var markerTrace = ActivityTraceId.CreateRandom().ToHexString();
        using var client = service.CreateClient();
        foreach (var (path, trace) in new[] { ("/health", probeTrace), ("/alive", probeTrace), ("/orders", markerTrace) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }

        // Spans are exported in the order they end, so once the later request's span is here an earlier probe's would be too.
        await service.Receiver.WaitForSpanAsync(s => s.TraceId == markerTrace, ExportTimeout, $"in marker trace {markerTrace}");
        Assert.DoesNotContain(service.Receiver.Spans, s => s.TraceId == probeTrace);
    }
}
