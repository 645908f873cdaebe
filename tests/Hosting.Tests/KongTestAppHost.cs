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
        Builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = [.. args, $"Kong:ClusterCertificateDirectory={CertificateDirectory}"],
            DisableDashboard = true,
            ProjectDirectory = ProjectDirectory,
        });
    }

    public string CertificateDirectory { get; }

    public string ProjectDirectory { get; }

    public IDistributedApplicationBuilder Builder { get; }

    /// <summary>The next run of the same AppHost: same project folder, same certificate folder.</summary>
    public KongTestAppHost NextRun() => new(this, []);

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

    /// <summary>What Aspire does before anything starts: the gateway config check runs here.</summary>
    public Task RaiseBeforeStart()
        => App.Services.GetRequiredService<Aspire.Hosting.Eventing.IDistributedApplicationEventing>()
            .PublishAsync(new BeforeStartEvent(App.Services, Model));

    public void Dispose()
    {
        _app?.Dispose();
        var root = Path.GetDirectoryName(ProjectDirectory)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
