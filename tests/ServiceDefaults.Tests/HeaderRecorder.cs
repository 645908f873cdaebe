using KonnectAspire.TestSupport.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KonnectAspire.ServiceDefaults.Tests;

/// <summary>
/// A plain downstream service on loopback (no ServiceDefaults) that records the traceparent of each request and answers
/// 503 for the first <c>failuresFirst</c> requests.
/// </summary>
internal sealed class HeaderRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<string> _traceparents = [];
    private readonly Lock _lock = new();
    private int _remainingFailures;

    private HeaderRecorder(WebApplication app, int failuresFirst)
    {
        _app = app;
        _remainingFailures = failuresFirst;
    }

    public Uri BaseAddress => _app.BoundAddress();

    public IReadOnlyList<string> Traceparents
    {
        get
        {
            lock (_lock)
            {
                return [.. _traceparents];
            }
        }
    }

    public int Requests
    {
        get
        {
            lock (_lock)
            {
                return _traceparents.Count;
            }
        }
    }

    public static async Task<HeaderRecorder> StartAsync(int failuresFirst = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var recorder = new HeaderRecorder(app, failuresFirst);
        app.MapGet("/", recorder.Record);
        await app.StartAsync();
        return recorder;
    }

    private IResult Record(HttpRequest request)
    {
        lock (_lock)
        {
            _traceparents.Add(request.Headers["traceparent"].ToString());
            return _remainingFailures-- > 0 ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Text("downstream");
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
