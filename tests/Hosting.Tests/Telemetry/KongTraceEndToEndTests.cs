using Aspire.Hosting.Testing;
using KonnectAspire.TestSupport;
using KonnectAspire.TestSupport.Infrastructure;
using KonnectAspire.TestSupport.Otlp;
using OpenTelemetry.Proto.Trace.V1;
using Xunit.Abstractions;

namespace KonnectAspire.Hosting.Tests.Telemetry;

public sealed class KongTraceEndToEndTests(ITestOutputHelper output)
{
    // Pulling kong and postgres images and bootstrapping the database on a cold machine takes minutes.
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan ExportTimeout = TimeSpan.FromMinutes(2);

    [SkippableFact]
    public async Task A_request_through_a_data_plane_yields_a_Kong_span_and_a_sample_service_span_in_one_parent_linked_trace()
    {
        Skip.If(
            ContainerEngine.Unavailable is not null,
            $"{ContainerEngine.Unavailable} The upstream half (the sample service's span under the caller's traceparent, at a loopback receiver) is proven by SampleService.Tests OtlpExportTests.");

        // Kong reaches the receiver from its container through the host gateway, so it listens on every interface.
        await using var receiver = await OtlpTraceReceiver.StartAsync(bindAddress: "0.0.0.0");
        using var host = new KongTestAppHost($"ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://localhost:{receiver.BaseAddress.Port}");
        var sampleService = host.Builder.AddProject("sample-service", RepositoryLayout.SampleServiceProject)
            .WithHttpHealthCheck("/health")
            .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.BaseAddress.ToString())
            .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
            .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "200");
        var controlPlane = host.Builder.AddKongControlPlane("kong").WithRoute("/orders", sampleService, name: "orders", stripPath: false);
        host.Builder.AddKongDataPlane("kong-dp", controlPlane, instances: 1);

        using var startup = new CancellationTokenSource(StartupTimeout);
        await host.App.StartAsync(startup.Token);
        await host.App.ResourceNotifications.WaitForResourceHealthyAsync("kong-dp-1", startup.Token);
        await host.App.ResourceNotifications.WaitForResourceHealthyAsync("sample-service", startup.Token);

        using var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = host.App.GetEndpoint("kong-dp-1", "proxy") };
        using var response = await client.GetAsync("/orders", startup.Token);
        output.WriteLine($"GET /orders through kong-dp-1: {(int)response.StatusCode}");
        response.EnsureSuccessStatusCode();

        var upstream = await receiver.WaitForSpanAsync(
            s => s.ServiceName == "sample-service" && s.Kind == Span.Types.SpanKind.Server && s.Attribute("url.path") == "/orders",
            ExportTimeout,
            "SERVER /orders from sample-service");
        var parent = await receiver.WaitForSpanAsync(
            s => s.TraceId == upstream.TraceId && s.SpanId == upstream.ParentSpanId,
            ExportTimeout,
            $"that is the parent ({upstream.ParentSpanId}) of the sample service's span");
        foreach (var span in receiver.Spans.Where(s => s.TraceId == upstream.TraceId))
        {
            output.WriteLine(span.ToString());
        }

        Assert.Equal("kong-dp", parent.ServiceName);
        Assert.Contains(receiver.Spans, s => s.TraceId == upstream.TraceId && s.ServiceName == "kong-dp" && s.Kind == Span.Types.SpanKind.Server);
    }
}
