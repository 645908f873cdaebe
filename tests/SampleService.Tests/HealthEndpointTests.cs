namespace KonnectAspire.SampleService.Tests;

public sealed class HealthEndpointTests(SampleServiceHost host) : IClassFixture<SampleServiceHost>
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Health_endpoints_answer_healthy(string path)
    {
        Assert.Equal("Healthy", await host.Client.GetStringAsync(path));
    }
}
