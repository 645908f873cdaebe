using System.ClientModel;
using Aspire.Hosting.Testing;
using KonnectAspire.TestSupport;
using KonnectAspire.TestSupport.Infrastructure;
using OpenAI;
using OpenAI.Chat;
using Xunit.Abstractions;

namespace KonnectAspire.AppHost.Tests;

public sealed class LlmRouteTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(7);

    private readonly TemporaryFolder _certificates = new("konnectaspire-apphost-tests");

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public async Task By_default_the_llm_route_is_served_by_the_stand_in_even_with_an_openai_key_set()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [$"Kong:ClusterCertificateDirectory={_certificates.Path}", AppHostArguments.LocalMode, "Parameters:openai-api-key=sk-test"]);

        var kong = builder.Resources.Single(resource => resource.Name == "kong");
        var route = Assert.Single(kong.Annotations.OfType<KongLlmRouteAnnotation>());
        Assert.Equal(("llm", "/llm", "gpt-4o-mini", "llm-stand-in"), (route.Name, route.Path, route.Model.Name, route.StandIn?.Resource.Name));
        Assert.Single(kong.Annotations.OfType<KongPluginAnnotation>(), plugin => plugin.Name == "ai-proxy" && plugin.Route == "llm");
        Assert.DoesNotContain(builder.Resources, resource => resource is ParameterResource { Name: "openai-api-key" });
    }

    [Fact]
    public async Task With_Llm_openai_the_llm_route_goes_to_openai_with_the_key_parameter()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [$"Kong:ClusterCertificateDirectory={_certificates.Path}", AppHostArguments.LocalMode, "Llm=openai", "Parameters:openai-api-key=sk-test"]);

        var route = Assert.Single(builder.Resources.Single(resource => resource.Name == "kong").Annotations.OfType<KongLlmRouteAnnotation>());
        Assert.Null(route.StandIn);
        Assert.Equal("openai-api-key", route.ApiKey?.Name);
    }

    [SkippableFact]
    public async Task A_chat_completion_through_the_Kong_llm_route_reaches_the_stand_in()
    {
        Skip.If(ContainerEngine.Unavailable is not null, ContainerEngine.Unavailable);
        using var cancellation = new CancellationTokenSource(Timeout);
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [$"Kong:ClusterCertificateDirectory={_certificates.Path}", AppHostArguments.LocalMode],
            cancellation.Token);
        await using var app = await builder.BuildAsync(cancellation.Token);
        await app.StartAsync(cancellation.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("llm-stand-in", cancellation.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("kong-dp-1", cancellation.Token);

        using var proxy = app.CreateHttpClient("kong-dp-1", "proxy");
        // The OpenAI client appends chat/completions to its endpoint; Kong's ai-proxy sends the call to the stand-in's URL.
        var client = new OpenAIClient(
            new ApiKeyCredential("ignored-kong-adds-the-credential"),
            new OpenAIClientOptions { Endpoint = new Uri(proxy.BaseAddress!, "/llm") });
        ChatCompletion completion = await client.GetChatClient("gpt-4o-mini").CompleteChatAsync([new UserChatMessage("What is Kong?")], cancellationToken: cancellation.Token);
        output.WriteLine($"{completion.Model}: {completion.Content[0].Text} ({completion.Usage.TotalTokenCount} tokens)");

        Assert.Equal("This is the local LLM stand-in answering as gpt-4o-mini. You asked: \"What is Kong?\"", completion.Content[0].Text);
        Assert.Equal(30, completion.Usage.OutputTokenCount);
    }
}
