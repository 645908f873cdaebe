using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KonnectAspire.TestSupport.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KonnectAspire.SampleService.Tests;

public sealed class AiEndpointsTests : IAsyncLifetime
{
    private readonly List<(string Path, string? Authorization, JsonObject Body)> _gatewayRequests = [];
    private WebApplication _gateway = null!;

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
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private static async Task<WebApplication> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateBuilder(["--urls=http://127.0.0.1:0"]);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> AskAsync(string question, bool gatewayConfigured = true)
    {
        string[] args = gatewayConfigured ? ["--urls=http://127.0.0.1:0", $"--LlmGateway:Endpoint={new Uri(_gateway.BoundAddress(), "/llm")}"] : ["--urls=http://127.0.0.1:0"];
        await using var service = SampleServiceApplication.Build(args);
        await service.StartAsync();
        using var http = new HttpClient { BaseAddress = service.BoundAddress() };
        using var response = await http.PostAsJsonAsync("/ask", new { question });
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    [Fact]
    public async Task Ask_sends_the_question_to_the_gateway_route_and_returns_the_answer_with_usage()
    {
        var (status, answer) = await AskAsync("What is Kong?");

        Assert.Equal(HttpStatusCode.OK, status);
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
        var (status, problem) = await AskAsync("What is Kong?", gatewayConfigured: false);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.StartsWith("Set LlmGateway:Endpoint", (string?)problem["detail"]);
    }

    [Fact]
    public async Task Ask_without_a_question_is_a_bad_request()
    {
        var (status, _) = await AskAsync("");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Empty(_gatewayRequests);
    }
}
