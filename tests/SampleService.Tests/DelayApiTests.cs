using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KonnectAspire.SampleService.Diagnostics;
using KonnectAspire.TestSupport.Infrastructure;

namespace KonnectAspire.SampleService.Tests;

public sealed class DelayApiTests(SampleServiceHost host) : IClassFixture<SampleServiceHost>
{
    [Fact]
    public async Task A_delay_within_bounds_is_answered_with_the_delay_applied()
    {
        var result = await host.Client.GetFromJsonAsync<DelayResult>("/delay?ms=5");

        Assert.Equal(5, result!.DelayedMilliseconds);
    }

    [Fact]
    public async Task Without_ms_the_configured_default_applies()
    {
        var result = await host.Client.GetFromJsonAsync<DelayResult>("/delay");

        Assert.Equal(new DelayOptions().DefaultMilliseconds, result!.DelayedMilliseconds);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("10001")]
    [InlineData("99999999999")]
    public async Task A_delay_out_of_bounds_or_not_a_number_is_a_400_naming_the_bounds(string ms)
    {
        using var response = await host.Client.GetAsync($"/delay?ms={Uri.EscapeDataString(ms)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var message = problem.GetProperty("errors").GetProperty("ms")[0].GetString();
        Assert.Contains("from 0 to 10000", message);
    }

    [Fact]
    public async Task The_maximum_is_configurable()
    {
        await using var app = SampleServiceApplication.Build(["--urls=http://127.0.0.1:0", "--SampleService:Delay:MaxMilliseconds=50", "--SampleService:Delay:DefaultMilliseconds=0"]);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = app.BoundAddress() };

        using var response = await client.GetAsync("/delay?ms=51");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("from 0 to 50", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_default_above_the_maximum_stops_the_service_at_startup_naming_the_section()
    {
        await using var app = SampleServiceApplication.Build(["--urls=http://127.0.0.1:0", "--SampleService:Delay:MaxMilliseconds=10", "--SampleService:Delay:DefaultMilliseconds=20"]);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        Assert.Contains("SampleService:Delay", error.Message);
    }
}
