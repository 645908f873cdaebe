using Aspire.Hosting.Testing;
using KonnectAspire.TestSupport;
using KonnectAspire.TestSupport.Infrastructure;
using Xunit.Abstractions;

namespace KonnectAspire.AppHost.Tests;

public sealed class AppHostRunTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan KongReadyTimeout = TimeSpan.FromMinutes(4);

    private readonly TemporaryFolder _certificates = new("konnectaspire-apphost-tests");

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public async Task Sample_service_turns_healthy_with_the_Kong_containers_left_out()
    {
        using var cancellation = new CancellationTokenSource(StartTimeout);
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [$"Kong:ClusterCertificateDirectory={_certificates.Path}", AppHostArguments.LocalMode],
            cancellation.Token);
        foreach (var resource in KongAndItsContainers(builder.Resources))
        {
            builder.Resources.Remove(resource);
        }

        await using var app = await builder.BuildAsync(cancellation.Token);
        await app.StartAsync(cancellation.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("sample-service", cancellation.Token);

        using var http = app.CreateHttpClient("sample-service", "http");
        using var health = await http.GetAsync(new Uri("/health", UriKind.Relative), cancellation.Token);
        Assert.True(health.IsSuccessStatusCode, $"/health answered {(int)health.StatusCode}");
        Assert.Equal(["sample-service", "llm-stand-in"], builder.Resources.OfType<ProjectResource>().Select(project => project.Name));
    }

    [SkippableFact]
    public async Task Orders_answer_through_each_Kong_data_plane()
    {
        Skip.If(ContainerEngine.Unavailable is not null, ContainerEngine.Unavailable);
        using var cancellation = new CancellationTokenSource(StartTimeout + KongReadyTimeout);
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [$"Kong:ClusterCertificateDirectory={_certificates.Path}", AppHostArguments.LocalMode],
            cancellation.Token);
        await using var app = await builder.BuildAsync(cancellation.Token);
        await app.StartAsync(cancellation.Token);

        foreach (var dataPlane in new[] { "kong-dp-1", "kong-dp-2" })
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(dataPlane, cancellation.Token);
            using var proxy = app.CreateHttpClient(dataPlane, "proxy");
            using var orders = await proxy.GetAsync(new Uri("/orders", UriKind.Relative), cancellation.Token);
            var body = await orders.Content.ReadAsStringAsync(cancellation.Token);
            output.WriteLine($"{dataPlane}: GET /orders -> {(int)orders.StatusCode} {body}");

            // Kong sets X-Kong-Upstream-Latency only on responses that came from the upstream, not on its own errors.
            Assert.True(orders.Headers.Contains("X-Kong-Upstream-Latency"), $"{dataPlane} answered {(int)orders.StatusCode} itself: {body}");
            Assert.True(orders.IsSuccessStatusCode, $"{dataPlane} answered {(int)orders.StatusCode}: {body}");
        }
    }

    private static List<IResource> KongAndItsContainers(IEnumerable<IResource> resources)
    {
        var removed = resources.Where(resource => resource is ContainerResource or KongDataPlaneResource).ToList();
        removed.AddRange(resources.OfType<IResourceWithParent>().Where(child => removed.Contains(child.Parent)).Except(removed));
        return removed;
    }
}
