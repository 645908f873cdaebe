using Aspire.Hosting.Testing;
using KonnectAspire.TestSupport.Infrastructure;
using KonnectAspire.TestSupport.Otlp;

namespace KonnectAspire.SampleService.Tests;

/// <summary>
/// The sample service run by Aspire's testing builder (DCP starts it as a process, no container engine needed), its
/// OTLP exporter pointed over http/protobuf at a receiver this fixture hosts on loopback.
/// </summary>
public sealed class SampleServiceUnderAspire : IAsyncLifetime
{
    public const string ResourceName = "sample-service";

    // Covers DCP start-up and the `dotnet run` build of the project on a busy two-core machine.
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(4);

    private IDistributedApplicationTestingBuilder? _builder;
    private DistributedApplication? _app;

    public OtlpTraceReceiver Receiver { get; private set; } = null!;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app did not start.");

    public async Task InitializeAsync()
    {
        Receiver = await OtlpTraceReceiver.StartAsync();
        _builder = DistributedApplicationTestingBuilder.Create();
        _builder.AddProject(ResourceName, RepositoryLayout.SampleServiceProject)
            .WithHttpHealthCheck("/health")
            // Added after AddProject's own OTLP settings, so these win over the (disabled) dashboard's address.
            .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", Receiver.BaseAddress.ToString())
            .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
            .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "200");
        _app = await _builder.BuildAsync();
        using var cts = new CancellationTokenSource(StartupTimeout);
        await _app.StartAsync(cts.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceName, cts.Token);
    }

    /// <summary>A client that sends only the headers a test sets (no traceparent of its own).</summary>
    public HttpClient CreateClient()
        => new(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = App.GetEndpoint(ResourceName, "http") };

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _builder?.Dispose();
        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }
    }
}
