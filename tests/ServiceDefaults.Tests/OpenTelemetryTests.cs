using System.Diagnostics;
using KonnectAspire.TestSupport.Otlp;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Proto.Trace.V1;

namespace KonnectAspire.ServiceDefaults.Tests;

// One collection: ActivityListeners are process-wide, so hosts running side by side would also record each other's spans.
[Collection(nameof(OpenTelemetryTests))]
public sealed class OpenTelemetryTests : IAsyncLifetime
{
    private static readonly TimeSpan ExportTimeout = TimeSpan.FromSeconds(30);

    private OtlpTraceReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await OtlpTraceReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task With_an_endpoint_server_spans_are_exported_over_otlp_http_and_continue_the_callers_trace()
    {
        await using var service = await ServiceUnderTest.StartAsync(ServiceUnderTest.ExportingTo(_receiver.BaseAddress));
        var (traceId, callerSpanId) = NewTraceparent(out var traceparent);

        await Send(service, "/work", traceparent);

        var span = await _receiver.WaitForSpanAsync(s => s.TraceId == traceId && s.Kind == Span.Types.SpanKind.Server, ExportTimeout, $"of kind SERVER in {traceId}");
        Assert.Equal(callerSpanId, span.ParentSpanId);
        Assert.Equal("defaults-test", span.ServiceName);
        Assert.Equal("/work", span.Attribute("url.path"));
    }

    [Fact]
    public async Task Health_and_liveness_requests_are_kept_out_of_traces()
    {
        await using var service = await ServiceUnderTest.StartAsync(ServiceUnderTest.ExportingTo(_receiver.BaseAddress));
        var (probeTrace, _) = NewTraceparent(out var probeTraceparent);
        var (markerTrace, _) = NewTraceparent(out var markerTraceparent);

        await Send(service, ServiceDefaultsExtensions.HealthEndpointPath, probeTraceparent);
        await Send(service, ServiceDefaultsExtensions.AlivenessEndpointPath, probeTraceparent);
        await Send(service, "/work", markerTraceparent);

        // One connection, requests in turn, spans exported in the order they end: the marker arriving means a probe span would have.
        await _receiver.WaitForSpanAsync(s => s.TraceId == markerTrace, ExportTimeout, $"in marker trace {markerTrace}");
        Assert.DoesNotContain(_receiver.Spans, s => s.TraceId == probeTrace);
    }

    [Fact]
    public async Task Outgoing_http_calls_are_traced_and_carry_the_trace_to_the_downstream_service()
    {
        await using var downstream = await HeaderRecorder.StartAsync();
        var configuration = ServiceUnderTest.ExportingTo(_receiver.BaseAddress);
        configuration["services:downstream:http:0"] = downstream.BaseAddress.ToString();
        await using var service = await ServiceUnderTest.StartAsync(
            configuration,
            app => app.MapGet("/call", async (IHttpClientFactory factory) => await factory.CreateClient().GetStringAsync("http://downstream/")));
        var (traceId, _) = NewTraceparent(out var traceparent);

        await Send(service, "/call", traceparent);

        var client = await _receiver.WaitForSpanAsync(s => s.TraceId == traceId && s.Kind == Span.Types.SpanKind.Client, ExportTimeout, $"of kind CLIENT in {traceId}");
        var server = await _receiver.WaitForSpanAsync(
            s => s.TraceId == traceId && s.Kind == Span.Types.SpanKind.Server && s.Attribute("url.path") == "/call", ExportTimeout, $"SERVER /call in {traceId}");
        Assert.Equal(server.SpanId, client.ParentSpanId);
        Assert.Equal($"00-{traceId}-{client.SpanId}-01", Assert.Single(downstream.Traceparents));
    }

    [Fact]
    public async Task Metrics_and_logs_are_exported_over_otlp_http_too()
    {
        await using var service = await ServiceUnderTest.StartAsync(ServiceUnderTest.ExportingTo(_receiver.BaseAddress));

        await Send(service, "/work", traceparent: null);

        await _receiver.WaitForSignalAsync("metrics", ExportTimeout);
        await _receiver.WaitForSignalAsync("logs", ExportTimeout);
    }

    [Fact]
    public async Task Without_an_endpoint_no_otlp_exporter_is_registered()
    {
        await using var without = await ServiceUnderTest.StartAsync(new Dictionary<string, string?>());
        await using var with = await ServiceUnderTest.StartAsync(ServiceUnderTest.ExportingTo(_receiver.BaseAddress));

        Assert.DoesNotContain(without.Registrations, FromOtlpExporter);
        Assert.Contains(with.Registrations, FromOtlpExporter);
    }

    private static bool FromOtlpExporter(ServiceDescriptor descriptor)
    {
        var exporter = typeof(OpenTelemetry.Exporter.OtlpExporterOptions).Assembly;
        Type?[] types = descriptor.IsKeyedService
            ? [descriptor.ServiceType, descriptor.KeyedImplementationType, descriptor.KeyedImplementationInstance?.GetType(), descriptor.KeyedImplementationFactory?.Method.DeclaringType]
            : [descriptor.ServiceType, descriptor.ImplementationType, descriptor.ImplementationInstance?.GetType(), descriptor.ImplementationFactory?.Method.DeclaringType];
        return types.Any(t => t?.Assembly == exporter || (t?.IsGenericType == true && t.GetGenericArguments().Any(a => a.Assembly == exporter)));
    }

    private static (string TraceId, string SpanId) NewTraceparent(out string traceparent)
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var spanId = ActivitySpanId.CreateRandom().ToHexString();
        traceparent = $"00-{traceId}-{spanId}-01";
        return (traceId, spanId);
    }

    private static async Task Send(ServiceUnderTest service, string path, string? traceparent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (traceparent is not null)
        {
            request.Headers.Add("traceparent", traceparent);
        }

        using var response = await service.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }
}
