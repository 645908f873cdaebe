using System.IO.Compression;
using Google.Protobuf;
using KonnectAspire.Tests.Loopback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace KonnectAspire.Tests.Otlp;

/// <summary>
/// A minimal OTLP/HTTP receiver on loopback: POST /v1/traces with a protobuf ExportTraceServiceRequest (what the .NET
/// exporter with http/protobuf and Kong's opentelemetry plugin send). Metrics and logs are accepted and dropped.
/// </summary>
public sealed class OtlpTraceReceiver : IAsyncDisposable
{
    public const string TracesPath = "/v1/traces";

    private static readonly byte[] EmptyExportResponse = new ExportTraceServiceResponse().ToByteArray();

    private readonly WebApplication _app;
    private readonly List<ReceivedSpan> _spans = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private OtlpTraceReceiver(WebApplication app) => _app = app;

    /// <summary>The base address, e.g. http://127.0.0.1:41234 (an exporter's OTEL_EXPORTER_OTLP_ENDPOINT).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The full traces URL (what Kong's traces_endpoint needs).</summary>
    public Uri TracesEndpoint => new(BaseAddress, TracesPath);

    /// <summary>How many export requests arrived, on any signal.</summary>
    public int ExportRequests { get; private set; }

    /// <summary>Starts a receiver on <paramref name="bindAddress"/> (default 127.0.0.1) and a free port.</summary>
    public static async Task<OtlpTraceReceiver> StartAsync(string bindAddress = "127.0.0.1")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{bindAddress}:0");
        var app = builder.Build();
        var receiver = new OtlpTraceReceiver(app);
        app.MapPost(TracesPath, (Delegate)receiver.ReceiveTracesAsync);
        app.MapPost("/v1/{signal}", (HttpContext context) => receiver.Acknowledge(context));
        await app.StartAsync();
        receiver.BaseAddress = app.BoundAddress();
        return receiver;
    }

    public IReadOnlyList<ReceivedSpan> Spans
    {
        get
        {
            lock (_lock)
            {
                return [.. _spans];
            }
        }
    }

    /// <summary>Waits until a span matching <paramref name="predicate"/> arrives; fails naming what did arrive.</summary>
    public async Task<ReceivedSpan> WaitForSpanAsync(Func<ReceivedSpan, bool> predicate, TimeSpan timeout, string description)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                var match = _spans.FirstOrDefault(predicate);
                if (match is not null)
                {
                    return match;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                var seen = string.Join(Environment.NewLine, Spans.Select(s => $"  {s}"));
                throw new TimeoutException(
                    $"No span {description} arrived within {timeout.TotalSeconds:0} s ({ExportRequests} export requests). Spans received:{Environment.NewLine}{seen}");
            }
        }
    }

    private async Task<IResult> ReceiveTracesAsync(HttpContext context)
    {
        if (!string.Equals(context.Request.ContentType, "application/x-protobuf", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Problem($"Expected application/x-protobuf, got '{context.Request.ContentType}'.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var body = context.Request.Body;
        if (string.Equals(context.Request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            body = new GZipStream(body, CompressionMode.Decompress);
        }

        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, context.RequestAborted);
        var request = ExportTraceServiceRequest.Parser.ParseFrom(buffer.ToArray());
        var received = request.ResourceSpans.SelectMany(rs =>
        {
            var serviceName = rs.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value.StringValue;
            return rs.ScopeSpans.SelectMany(ss => ss.Spans).Select(span => new ReceivedSpan(serviceName, span));
        });

        lock (_lock)
        {
            _spans.AddRange(received);
            ExportRequests++;
            var changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.SetResult();
        }

        return Results.Bytes(EmptyExportResponse, "application/x-protobuf");
    }

    private IResult Acknowledge(HttpContext context)
    {
        lock (_lock)
        {
            ExportRequests++;
        }

        return Results.Bytes([], context.Request.ContentType ?? "application/x-protobuf");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
