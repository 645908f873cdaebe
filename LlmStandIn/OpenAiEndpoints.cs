using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace KonnectAspire.LlmStandIn;

/// <summary>The OpenAI-compatible routes: chat completions, embeddings and the model list, with OpenAI's error bodies.</summary>
internal static class OpenAiEndpoints
{
    public const string ChatCompletionsPath = "/v1/chat/completions";
    public const string EmbeddingsPath = "/v1/embeddings";
    public const string ModelsPath = "/v1/models";

    public static WebApplication MapOpenAiEndpoints(this WebApplication app)
    {
        var v1 = app.MapGroup("/v1").AddEndpointFilter(async (context, next) =>
        {
            try
            {
                RequireApiKey(context.HttpContext);
                return await next(context);
            }
            catch (OpenAiRequestException error)
            {
                return Results.Json(error.ToErrorBody(), statusCode: error.StatusCode);
            }
        });

        v1.MapPost("/chat/completions", ChatCompletionsAsync);
        v1.MapPost("/embeddings", async (HttpRequest request, CancellationToken cancellationToken) =>
            Results.Json(StandInEmbeddingModel.Response(EmbeddingRequest.Parse(await OpenAiRequestBody.ReadAsync(request, cancellationToken)))));
        v1.MapGet("/models", (IOptions<LlmStandInOptions> options, TimeProvider time) => Results.Json(Models(options.Value, time.GetUtcNow())));

        app.MapFallback((HttpRequest request) => Results.Json(
            new OpenAiRequestException(
                StatusCodes.Status404NotFound,
                $"Invalid URL ({request.Method} {request.Path}). The stand-in serves POST {ChatCompletionsPath}, POST {EmbeddingsPath}, GET {ModelsPath}, POST {AnthropicEndpoints.MessagesPath} (Anthropic) and POST {BedrockEndpoints.ConversePathTemplate} (Bedrock).")
                .ToErrorBody(),
            statusCode: StatusCodes.Status404NotFound));
        return app;
    }

    private static async Task<IResult> ChatCompletionsAsync(HttpContext context, TimeProvider time, CancellationToken cancellationToken)
    {
        var request = ChatCompletionRequest.Parse(await OpenAiRequestBody.ReadAsync(context.Request, cancellationToken));
        if (!request.Stream)
        {
            return Results.Json(StandInChatModel.Completion(request, time.GetUtcNow()));
        }

        // Server-sent events as OpenAI sends them: one "data:" line per chunk, then "data: [DONE]".
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        foreach (var chunk in StandInChatModel.Chunks(request, time.GetUtcNow()))
        {
            await context.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n", cancellationToken);
        }

        await context.Response.WriteAsync("data: [DONE]\n\n", cancellationToken);
        return Results.Empty;
    }

    private static void RequireApiKey(HttpContext context)
    {
        var expected = context.RequestServices.GetRequiredService<IOptions<LlmStandInOptions>>().Value.ApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            return;
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(authorization))
        {
            throw new OpenAiRequestException(
                StatusCodes.Status401Unauthorized,
                "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).");
        }

        // The key is never echoed: error bodies end up in logs and traces.
        if (!string.Equals(authorization, $"Bearer {expected}", StringComparison.Ordinal))
        {
            throw new OpenAiRequestException(
                StatusCodes.Status401Unauthorized, "Incorrect API key provided.", code: "invalid_api_key");
        }
    }

    private static JsonObject Models(LlmStandInOptions options, DateTimeOffset now)
    {
        IEnumerable<string> models = options.Models.Count > 0 ? options.Models : LlmStandInOptions.DefaultModels;
        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(models.Select(id => (JsonNode)new JsonObject
            {
                ["id"] = id,
                ["object"] = "model",
                ["created"] = now.ToUnixTimeSeconds(),
                ["owned_by"] = "llm-stand-in",
            }).ToArray()),
        };
    }
}
