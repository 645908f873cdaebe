using KonnectAspire.TestSupport.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace KonnectAspire.SampleService.Tests;

/// <summary>The sample service hosted in the test process on a free loopback port.</summary>
public sealed class SampleServiceHost : IAsyncLifetime
{
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app = SampleServiceApplication.Build(["--urls=http://127.0.0.1:0", "--environment=Development"]);
        await _app.StartAsync();
        // The app's HttpClient instrumentation listens in this process too; without this the client would replace the
        // traceparent a test sets with one of its own.
        Client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = _app.BoundAddress() };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
