using System.IO.Compression;
using Google.Protobuf;
using KonnectAspire.TestSupport.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace KonnectAspire.TestSupport.Otlp;

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
    private readonly Dictionary<string, int> _requestsBySignal = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private OtlpTraceReceiver(WebApplication app) => _app = app;

    /// <summary>The base address, e.g. http://127.0.0.1:41234 (an exporter's OTEL_EXPORTER_OTLP_ENDPOINT).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The full traces URL (what Kong's traces_endpoint needs).</summary>
    public Uri TracesEndpoint => new(BaseAddress, TracesPath);

    /// <summary>How many export requests arrived, on any signal.</summary>
    public int ExportRequests
    {
        get
        {
            lock (_lock)
            {
                return _requestsBySignal.Values.Sum();
            }
        }
    }

    /// <summary>How many export requests arrived for a signal ("traces", "metrics", "logs").</summary>
    public int RequestsFor(string signal)
    {
        lock (_lock)
        {
            return _requestsBySignal.GetValueOrDefault(signal);
        }
    }

    /// <summary>Starts a receiver on <paramref name="bindAddress"/> (default 127.0.0.1) and a free port.</summary>
    public static async Task<OtlpTraceReceiver> StartAsync(string bindAddress = "127.0.0.1")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{bindAddress}:0");
        var app = builder.Build();
        var receiver = new OtlpTraceReceiver(app);
        app.MapPost(TracesPath, (Delegate)receiver.ReceiveTracesAsync);
        app.MapPost("/v1/{signal}", (string signal, HttpContext context) => receiver.Acknowledge(signal, context));
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
        ReceivedSpan? match = null;
        await WaitAsync(() => (match = Spans.FirstOrDefault(predicate)) is not null, timeout, $"No span {description}");
        return match!;
    }

    private async Task WaitAsync(Func<bool> condition, TimeSpan timeout, string failure)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                changed = _changed.Task;
            }

            if (condition())
            {
                return;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                var seen = string.Join(Environment.NewLine, Spans.Select(s => $"  {s}"));
                throw new TimeoutException(
                    $"{failure} arrived within {timeout.TotalSeconds:0} s ({ExportRequests} export requests). Spans received:{Environment.NewLine}{seen}");
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
            Count("traces");
        }

        return Results.Bytes(EmptyExportResponse, "application/x-protobuf");
    }

    private IResult Acknowledge(string signal, HttpContext context)
    {
        lock (_lock)
        {
            Count(signal);
        }

        // Every OTLP Export*ServiceResponse without partial success is the empty message: zero bytes.
        return Results.Bytes([], context.Request.ContentType ?? "application/x-protobuf");
    }

    /// <summary>Records a request and wakes waiters; called under the lock.</summary>
    private void Count(string signal)
    {
        _requestsBySignal[signal] = _requestsBySignal.GetValueOrDefault(signal) + 1;
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.SetResult();
    }

    /// <summary>Waits until at least one export request for <paramref name="signal"/> arrived.</summary>
    public Task WaitForSignalAsync(string signal, TimeSpan timeout) => WaitAsync(() => RequestsFor(signal) > 0, timeout, $"No {signal} export request");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
