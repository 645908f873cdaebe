using System.Net.Http.Json;
using KonnectAspire.SampleService.Diagnostics;

namespace KonnectAspire.SampleService.Tests;

public sealed class HeadersApiTests(SampleServiceHost host) : IClassFixture<SampleServiceHost>
{
    private const string CallerTraceId = "0af7651916cd43dd8448eb211c80319c";
    private const string CallerSpanId = "b7ad6b7169203331";

    [Fact]
    public async Task The_traceparent_is_echoed_and_the_server_span_continues_the_callers_trace()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/headers");
        request.Headers.Add("traceparent", $"00-{CallerTraceId}-{CallerSpanId}-01");
        request.Headers.Add("X-Forwarded-Prefix", "/sample");

        using var response = await host.Client.SendAsync(request);
        var echo = await response.Content.ReadFromJsonAsync<HeadersEcho>();

        Assert.Equal($"00-{CallerTraceId}-{CallerSpanId}-01", echo!.Traceparent);
        Assert.Equal(CallerTraceId, echo.ServerTraceId);
        Assert.Equal(CallerSpanId, echo.ServerParentSpanId);
        Assert.NotEqual(CallerSpanId, echo.ServerSpanId);
        Assert.Equal("/sample", echo.Headers["X-Forwarded-Prefix"]);
        Assert.Equal("GET", echo.Method);
        Assert.Equal("/headers", echo.Path);
    }

    [Fact]
    public async Task Credentials_are_masked_in_the_echo()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/headers");
        request.Headers.Add("Authorization", "Bearer kpat_not-a-real-token");
        request.Headers.Add("apikey", "secret-key");

        using var response = await host.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("kpat_not-a-real-token", body);
        Assert.DoesNotContain("secret-key", body);
        var echo = await response.Content.ReadFromJsonAsync<HeadersEcho>();
        Assert.Equal("***", echo!.Headers["Authorization"]);
        Assert.Equal("***", echo.Headers["apikey"]);
    }

    [Fact]
    public async Task Without_a_traceparent_the_server_starts_a_root_span()
    {
        var echo = await host.Client.GetFromJsonAsync<HeadersEcho>("/headers");

        Assert.Null(echo!.Traceparent);
        Assert.NotNull(echo.ServerTraceId);
        Assert.Null(echo.ServerParentSpanId);
    }
}
