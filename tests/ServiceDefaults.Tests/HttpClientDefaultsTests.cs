using Microsoft.AspNetCore.Builder;

namespace KonnectAspire.ServiceDefaults.Tests;

[Collection(nameof(OpenTelemetryTests))]
public sealed class HttpClientDefaultsTests
{
    [Fact]
    public async Task Service_discovery_resolves_a_logical_name_from_configuration()
    {
        await using var downstream = await HeaderRecorder.StartAsync();
        await using var service = await StartCalling(downstream);

        Assert.Equal("downstream", await service.Client.GetStringAsync("/call"));
        Assert.Equal(1, downstream.Requests);
    }

    [Fact]
    public async Task The_standard_resilience_handler_retries_a_transient_failure()
    {
        await using var downstream = await HeaderRecorder.StartAsync(failuresFirst: 1);
        await using var service = await StartCalling(downstream);

        Assert.Equal("downstream", await service.Client.GetStringAsync("/call"));
        Assert.Equal(2, downstream.Requests);
    }

    private static Task<ServiceUnderTest> StartCalling(HeaderRecorder downstream)
        => ServiceUnderTest.StartAsync(
            new Dictionary<string, string?> { ["services:downstream:http:0"] = downstream.BaseAddress.ToString() },
            app => app.MapGet("/call", async (IHttpClientFactory factory) => await factory.CreateClient().GetStringAsync("http://downstream/")));
}
