using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectAspire.Hosting.Tests;

/// <summary>An AppHost builder for model tests: no containers start, and cluster certificates go to a temporary folder.</summary>
internal sealed class KongTestAppHost : IDisposable
{
    private DistributedApplication? _app;

    public KongTestAppHost(params string[] args)
        : this(null, args)
    {
    }

    private KongTestAppHost(KongTestAppHost? sameFoldersAs, string[] args)
    {
        var root = Path.Combine(Path.GetTempPath(), "konnectaspire-hosting-tests", Guid.NewGuid().ToString("N"));
        CertificateDirectory = sameFoldersAs?.CertificateDirectory ?? Path.Combine(root, "certificates");
        ProjectDirectory = sameFoldersAs?.ProjectDirectory ?? Path.Combine(root, "AppHost");
        // The testing builder finds DCP, so a test can start the app up to the first resource.
        Builder = DistributedApplicationTestingBuilder.Create(
            [.. args, $"Kong:ClusterCertificateDirectory={CertificateDirectory}"],
            (options, _) => options.ProjectDirectory = ProjectDirectory);
    }

    public string CertificateDirectory { get; }

    public string ProjectDirectory { get; }

    public IDistributedApplicationTestingBuilder Builder { get; }

    /// <summary>The PEM text of a one-line, base64-encoded KONG_CLUSTER_CERT(_KEY) value, as Kong decodes it.</summary>
    public static string DecodePem(object value)
    {
        var text = Assert.IsType<string>(value);
        Assert.DoesNotContain('\n', text);
        return System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(text));
    }

    /// <summary>An upstream for routes: a container with an http endpoint on 8080.</summary>
    public IResourceBuilder<ContainerResource> AddOrdersApi()
        => Builder.AddContainer("orders-api", "example/orders", "1.0").WithHttpEndpoint(targetPort: 8080);

    /// <summary>
    /// A control plane routing <c>/orders</c> to <see cref="AddOrdersApi"/> with a rate limit, its endpoints allocated as
    /// DCP records them once the containers run: the Admin API on the host at <paramref name="adminPort"/> (a fake one),
    /// the upstream in the container network.
    /// </summary>
    public IResourceBuilder<KongControlPlaneResource> AddControlPlaneWithOrdersRoute(int adminPort)
    {
        var orders = AddOrdersApi();
        var controlPlane = Builder.AddKongControlPlane("kong")
            .WithRoute("/orders", orders, name: "orders", stripPath: false)
            .WithPlugin("rate-limiting", new JsonObject { ["minute"] = 60 }, route: "orders");

        var adminEndpoint = controlPlane.Resource.Annotations.OfType<EndpointAnnotation>().Single(endpoint => endpoint.Name == "admin");
        adminEndpoint.AllocatedEndpoint = new AllocatedEndpoint(adminEndpoint, "127.0.0.1", adminPort);
        AllocateInContainerNetwork(orders, "orders-api.dev.internal", 8080);
        return controlPlane;
    }

    /// <summary>What DCP records once the containers run: <paramref name="upstream"/>'s http endpoint as the data planes reach it.</summary>
    public static void AllocateInContainerNetwork(IResourceBuilder<ContainerResource> upstream, string host, int port)
    {
        var endpoint = upstream.Resource.Annotations.OfType<EndpointAnnotation>().Single(annotation => annotation.Name == "http");
        endpoint.AllAllocatedEndpoints.AddOrUpdateAllocatedEndpoint(
            KnownNetworkIdentifiers.DefaultAspireContainerNetwork,
            new AllocatedEndpoint(endpoint, host, port, EndpointBindingMode.SingleAddress, null, KnownNetworkIdentifiers.DefaultAspireContainerNetwork));
    }

    /// <summary>The next run of the same AppHost: same project folder, same certificate folder.</summary>
    public KongTestAppHost NextRun(params string[] args) => new(this, args);

    public DistributedApplication App => _app ??= Builder.Build();

    public DistributedApplicationModel Model => App.Services.GetRequiredService<DistributedApplicationModel>();

    public T Resource<T>(string name)
        where T : IResource
        => Assert.IsType<T>(Builder.Resources.Single(resource => resource.Name == name), exactMatch: false);

    /// <summary>The raw environment a resource gets: strings, parameters, endpoint references and expressions, unresolved.</summary>
    public async Task<Dictionary<string, object>> EnvironmentOf(IResource resource)
    {
        var context = new EnvironmentCallbackContext(App.Services.GetRequiredService<DistributedApplicationExecutionContext>(), resource);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return context.EnvironmentVariables;
    }

    /// <summary>Starts the app as <c>dotnet run</c> would; a failing BeforeStart check throws before any resource starts.</summary>
    public async Task<Exception> StartExpectingFailure()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await Assert.ThrowsAnyAsync<Exception>(() => App.StartAsync(timeout.Token));
    }

    public void Dispose()
    {
        _app?.Dispose();
        Builder.Dispose();
        var root = Path.GetDirectoryName(ProjectDirectory)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
