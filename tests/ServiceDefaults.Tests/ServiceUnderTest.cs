using KonnectAspire.TestSupport.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KonnectAspire.ServiceDefaults.Tests;

/// <summary>A small web app on ServiceDefaults, hosted on a free loopback port.</summary>
internal sealed class ServiceUnderTest : IAsyncDisposable
{
    private ServiceUnderTest(WebApplication app, IReadOnlyList<ServiceDescriptor> registrations)
    {
        App = app;
        Registrations = registrations;
        // Only the traceparent a test sets goes out: the app's HttpClient instrumentation listens in this process too.
        Client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = app.BoundAddress() };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    /// <summary>The service registrations as they were when the app was built.</summary>
    public IReadOnlyList<ServiceDescriptor> Registrations { get; }

    public static async Task<ServiceUnderTest> StartAsync(
        IDictionary<string, string?> configuration,
        Action<WebApplication>? map = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = "defaults-test" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddServiceDefaults();
        configure?.Invoke(builder);
        var registrations = builder.Services.ToList();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGet("/work", () => "done");
        map?.Invoke(app);
        await app.StartAsync();
        return new ServiceUnderTest(app, registrations);
    }

    /// <summary>Configuration that points the OTLP exporter at <paramref name="receiver"/> over http/protobuf, flushing fast.</summary>
    public static Dictionary<string, string?> ExportingTo(Uri receiver) => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.ToString(),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_SERVICE_NAME"] = "defaults-test",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        ["OTEL_BLRP_SCHEDULE_DELAY"] = "100",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
