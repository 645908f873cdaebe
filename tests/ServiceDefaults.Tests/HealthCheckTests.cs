using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace KonnectAspire.ServiceDefaults.Tests;

[Collection(nameof(OpenTelemetryTests))]
public sealed class HealthCheckTests
{
    [Fact]
    public async Task Readiness_runs_every_check_and_liveness_only_the_live_ones()
    {
        await using var service = await ServiceUnderTest.StartAsync(
            new Dictionary<string, string?>(),
            configure: builder => builder.Services.AddHealthChecks().AddCheck("database", () => HealthCheckResult.Unhealthy("down")));

        using var health = await service.Client.GetAsync(ServiceDefaultsExtensions.HealthEndpointPath);
        using var alive = await service.Client.GetAsync(ServiceDefaultsExtensions.AlivenessEndpointPath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }
}
