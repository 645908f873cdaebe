using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectAspire.SampleService.Tests;

public sealed class AiEndpointsTests : IAsyncLifetime
{
    private readonly List<(string Path, string? Authorization, JsonObject Body)> _gatewayRequests = [];
    private WebApplication _gateway = null!;
    private Uri _gatewayAddress = null!;

    public async Task InitializeAsync()
    {
        // A stand-in for Kong's LLM route: an OpenAI-compatible chat completions endpoint on loopback that records calls.
        _gateway = await StartAsync(app => app.MapPost("/llm/chat/completions", async (HttpRequest request) =>
        {
            var body = (await request.ReadFromJsonAsync<JsonObject>())!;
            _gatewayRequests.Add((request.Path, request.Headers.Authorization.ToString(), body));
            return Results.Json(new JsonObject
            {
                ["id"] = "chatcmpl-1",
                ["object"] = "chat.completion",
                ["created"] = 1,
                ["model"] = (string?)body["model"],
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = "Kong is an API gateway." },
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 6, ["total_tokens"] = 16 },
            });
        }));
        _gatewayAddress = Address(_gateway);
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private static async Task<WebApplication> StartAsync(Action<WebApplication> map, params string[] args)
    {
        var builder = WebApplication.CreateBuilder([.. args, "--urls=http://127.0.0.1:0"]);
        builder.Services.AddHttpClient();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }

    private static Uri Address(WebApplication app)
        => new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());

    [Fact]
    public async Task Ask_sends_the_question_to_the_gateway_route_and_returns_the_answer_with_usage()
    {
        await using var service = await StartAsync(app => app.MapAiEndpoints(), $"--LlmGateway:Endpoint={new Uri(_gatewayAddress, "/llm")}");
        using var http = new HttpClient { BaseAddress = Address(service) };

        using var response = await http.PostAsJsonAsync("/ask", new { question = "What is Kong?" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Kong is an API gateway.", (string?)answer["answer"]);
        Assert.Equal("gpt-4o-mini", (string?)answer["model"]);
        Assert.Equal(16, (int?)answer["usage"]!["totalTokens"]);
        var (path, authorization, body) = Assert.Single(_gatewayRequests);
        Assert.Equal("/llm/chat/completions", path);
        Assert.Equal("Bearer kong-adds-the-credential", authorization);
        Assert.Equal("What is Kong?", (string?)body["messages"]![0]!["content"]);
    }

    [Fact]
    public async Task Ask_without_a_configured_gateway_says_which_setting_is_missing()
    {
        await using var service = await StartAsync(app => app.MapAiEndpoints());
        using var http = new HttpClient { BaseAddress = Address(service) };

        using var response = await http.PostAsJsonAsync("/ask", new { question = "What is Kong?" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Set LlmGateway:Endpoint", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ask_without_a_question_is_a_bad_request()
    {
        await using var service = await StartAsync(app => app.MapAiEndpoints(), $"--LlmGateway:Endpoint={new Uri(_gatewayAddress, "/llm")}");
        using var http = new HttpClient { BaseAddress = Address(service) };

        using var response = await http.PostAsJsonAsync("/ask", new { question = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_gatewayRequests);
    }
}
