using Aspire.Hosting.Testing;
using KonnectAspire.Hosting.Tests.Kubernetes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace KonnectAspire.Hosting.Tests.Deploy;

/// <summary><c>aspire deploy</c> (or another step, such as destroy) of the reference architecture, run by Aspire's own pipeline in-process; returns every log line.</summary>
internal static class AspireDeploy
{
    public static async Task<string> RunAsync(string output, EksDataPlaneFlavor flavor, IEnumerable<string> configuration, string step = "deploy")
    {
        var logs = new FakeLoggerProvider();
        using var builder = DistributedApplicationTestingBuilder.Create(
            ["AppHost:Operation=publish", $"Pipeline:OutputPath={output}", $"Pipeline:Step={step}", .. configuration]);
        builder.Services.AddSingleton<ILoggerProvider>(logs);
        PublishOutputs.AddReferenceArchitecture(builder, flavor);
        await using (var app = builder.Build())
        {
            await app.RunAsync().WaitAsync(TimeSpan.FromMinutes(2));
        }

        return string.Join("\n", logs.Collector.GetSnapshot().Select(m => $"{m.Message} {m.Exception?.Message}"));
    }
}
