using Aspire.Hosting.Kong.Kubernetes;
using Aspire.Hosting.Testing;
using KonnectAspire.TestSupport.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace KonnectAspire.Hosting.Tests.Kubernetes;

/// <summary>
/// Publishing with PushImages builds each project's image with the .NET SDK (no Docker) and pushes it to the registry,
/// here a fake OCI registry on loopback, and the manifests name what was pushed by tag and digest.
/// </summary>
public sealed class ImagePushPublishTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("eks-push-").FullName;
    private readonly string _project = Directory.CreateTempSubdirectory("eks-push-project-").FullName;

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("DOTNET_CONTAINER_INSECURE_REGISTRIES", null);
        Directory.Delete(_output, recursive: true);
        Directory.Delete(_project, recursive: true);
    }

    [Fact]
    public async Task A_project_image_is_built_without_docker_pushed_and_named_by_tag_and_digest_in_its_deployment()
    {
        await using var registry = await FakeOciRegistry.StartAsync();
        // The SDK speaks plain HTTP only to registries it is told are insecure; a real registry (ECR) is HTTPS.
        Environment.SetEnvironmentVariable("DOTNET_CONTAINER_INSECURE_REGISTRIES", registry.Host);
        var logs = new FakeLoggerProvider();
        using var builder = CreatePublishBuilder();
        builder.Services.AddSingleton<ILoggerProvider>(logs);
        builder.AddEksEnvironment("eks")
            .WithProjectImages(registry.Host, "build-42", push: true)
            .WithEksOptions(options => options.BaseImage = registry.BaseImage);
        builder.AddProject("orders-api", WriteProject());

        await using (var app = builder.Build())
        {
            await app.RunAsync().WaitAsync(TimeSpan.FromMinutes(5));
        }

        var pushed = Assert.Single(registry.Pushed);
        Assert.Equal(("orders-api", "build-42"), (pushed.Repository, pushed.Reference));
        Assert.NotEmpty(pushed.Manifest["layers"]!.AsArray());
        var deployment = PublishedDocument.From(Files()).Single(d => d.Kind == "Deployment" && d.Name == "orders-api");
        var image = deployment.Node["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>();
        Assert.Equal($"{registry.Host}/orders-api:build-42@{pushed.Digest}", image);
        Assert.Contains(logs.Collector.GetSnapshot(), m => $"{m.Message} {m.Exception?.Message}".Contains($"pushed {registry.Host}/orders-api:build-42@{pushed.Digest}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pushing_without_a_registry_or_tag_stops_the_publish_before_anything_is_built_or_written()
    {
        var logs = new FakeLoggerProvider();
        using var builder = CreatePublishBuilder("Publish:eks:PushImages=true");
        builder.Services.AddSingleton<ILoggerProvider>(logs);
        builder.AddEksEnvironment("eks");
        builder.AddProject("orders-api", WriteProject());

        await using (var app = builder.Build())
        {
            await app.RunAsync().WaitAsync(PublishOutputs.Timeout);
        }

        Assert.False(Directory.Exists(Path.Combine(_output, "eks")));
        Assert.False(Directory.Exists(Path.Combine(_project, "bin")), "nothing was built");
        Assert.Contains(logs.Collector.GetSnapshot(), m => $"{m.Message} {m.Exception?.Message}".Contains("pushes project images but has no registry: set Publish:eks:ImageRegistry", StringComparison.Ordinal));
        Assert.Contains(logs.Collector.GetSnapshot(), m => $"{m.Message} {m.Exception?.Message}".Contains("pushes project images but has no tag: set Publish:eks:ImageTag", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_push_time_limit_that_is_not_positive_stops_the_publish_naming_it()
    {
        var logs = new FakeLoggerProvider();
        using var builder = CreatePublishBuilder();
        builder.Services.AddSingleton<ILoggerProvider>(logs);
        builder.AddEksEnvironment("eks")
            .WithProjectImages("123456789012.dkr.ecr.us-east-2.amazonaws.com", "build-42", push: true)
            .WithEksOptions(options => options.ImagePushTimeout = TimeSpan.Zero);
        builder.AddProject("orders-api", WriteProject());

        await using (var app = builder.Build())
        {
            await app.RunAsync().WaitAsync(PublishOutputs.Timeout);
        }

        Assert.False(Directory.Exists(Path.Combine(_output, "eks")));
        Assert.False(Directory.Exists(Path.Combine(_project, "bin")), "nothing was built");
        Assert.Contains(logs.Collector.GetSnapshot(), m => $"{m.Message} {m.Exception?.Message}".Contains("has ImagePushTimeout 00:00:00; give each image a positive time", StringComparison.Ordinal));
    }

    [Fact]
    public void The_sdk_is_asked_for_a_release_container_pushed_to_the_registry_and_for_its_digest()
    {
        var options = new EksEnvironmentOptions { ImageRegistry = "123456789012.dkr.ecr.us-east-2.amazonaws.com", ImageTag = "1.2.3", BaseImage = "mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled" };

        var arguments = ProjectImagePusher.Arguments("/src/Orders/Orders.csproj", "orders-api", options);

        Assert.Equal(
            ["publish", "/src/Orders/Orders.csproj", "--configuration", "Release", "-t:PublishContainer",
             "-p:ContainerRegistry=123456789012.dkr.ecr.us-east-2.amazonaws.com", "-p:ContainerRepository=orders-api", "-p:ContainerImageTag=1.2.3",
             "-p:ContainerBaseImage=mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled", "-getProperty:GeneratedContainerDigest", "--nologo"],
            arguments);
    }

    // A minimal web project outside the repository, so its Release build cannot collide with the tests' own builds.
    private string WriteProject()
    {
        File.WriteAllText(Path.Combine(_project, "Orders.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(_project, "Program.cs"), """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/", () => "orders");
            app.Run();
            """);
        return Path.Combine(_project, "Orders.csproj");
    }

    private List<(string Name, string Content)> Files() =>
        PublishOutputs.ReadFolder(Path.Combine(_output, "eks"));

    private IDistributedApplicationTestingBuilder CreatePublishBuilder(params string[] settings) =>
        DistributedApplicationTestingBuilder.Create(["AppHost:Operation=publish", $"Pipeline:OutputPath={_output}", "Pipeline:Step=publish", .. settings]);
}
