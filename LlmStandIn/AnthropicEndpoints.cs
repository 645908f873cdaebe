using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace KonnectAspire.LlmStandIn;

/// <summary>
/// Anthropic's Messages API (POST /v1/messages) as Kong's ai-proxy anthropic driver calls it: the same deterministic
/// answers and token counts as the OpenAI routes, in Anthropic's request, response, stream and error shapes.
/// </summary>
internal static class AnthropicEndpoints
{
    public const string MessagesPath = "/v1/messages";

    private static readonly string[] Roles = ["user", "assistant"];

    public static WebApplication MapAnthropicEndpoints(this WebApplication app)
    {
        app.MapPost(MessagesPath, MessagesAsync);
        return app;
    }

    private static async Task<IResult> MessagesAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ChatCompletionRequest request;
        try
        {
            RequireApiKey(context);
            request = Parse(await OpenAiRequestBody.ReadAsync(context.Request, cancellationToken));
        }
        catch (OpenAiRequestException error)
        {
            return Results.Json(ErrorBody(error), statusCode: error.StatusCode);
        }

        var (text, tokens, finishReason) = StandInChatModel.Reply(request);
        var id = MessageId(request);
        var stopReason = finishReason == "length" ? "max_tokens" : "end_turn";
        var inputTokens = StandInChatModel.PromptTokens(request.Messages);
        if (!request.Stream)
        {
            return Results.Json(Message(request, id, new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }), stopReason, inputTokens, tokens.Count));
        }

        // Server-sent events as Anthropic sends them: a named event, then its data, per step of the message.
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        async Task SendAsync(string type, JsonObject data)
        {
            data["type"] = type;
            await context.Response.WriteAsync($"event: {type}\ndata: {data.ToJsonString()}\n\n", cancellationToken);
        }

        await SendAsync("message_start", new JsonObject { ["message"] = Message(request, id, [], null, inputTokens, 0) });
        await SendAsync("content_block_start", new JsonObject { ["index"] = 0, ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = "" } });
        foreach (var piece in StandInChatModel.Pieces(text, tokens))
        {
            await SendAsync("content_block_delta", new JsonObject { ["index"] = 0, ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = piece } });
        }

        await SendAsync("content_block_stop", new JsonObject { ["index"] = 0 });
        await SendAsync("message_delta", new JsonObject
        {
            ["delta"] = new JsonObject { ["stop_reason"] = stopReason, ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = tokens.Count },
        });
        await SendAsync("message_stop", []);
        return Results.Empty;
    }

    private static ChatCompletionRequest Parse(OpenAiRequestBody body)
    {
        var model = body.Model();
        var maxTokens = body.Integer("max_tokens", 1, int.MaxValue) ?? throw OpenAiRequestException.Missing("max_tokens");
        var messages = new List<ChatRequestMessage>();
        if (body.TryGet("system", out var system))
        {
            messages.Add(new ChatRequestMessage("system", ChatCompletionRequest.ContentText(system, "system"), null));
        }

        if (!body.TryGet("messages", out var list))
        {
            throw OpenAiRequestException.Missing("messages");
        }

        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            throw OpenAiRequestException.InvalidType("messages", "a non-empty array of messages");
        }

        var index = 0;
        foreach (var message in list.EnumerateArray())
        {
            var path = $"messages.{index++}";
            if (message.ValueKind != JsonValueKind.Object)
            {
                throw OpenAiRequestException.InvalidType(path, "an object");
            }

            var fields = new OpenAiRequestBody(message, path);
            var role = fields.OneOf("role", Roles) ?? throw OpenAiRequestException.Missing($"{path}.role");
            var content = fields.TryGet("content", out var value) ? value : throw OpenAiRequestException.Missing($"{path}.content");
            messages.Add(new ChatRequestMessage(role, ChatCompletionRequest.ContentText(content, $"{path}.content"), null));
        }

        return new ChatCompletionRequest(model, messages, maxTokens, Choices: 1, body.Boolean("stream"), IncludeUsage: false);
    }

    private static JsonObject Message(ChatCompletionRequest request, string id, JsonArray content, string? stopReason, int inputTokens, int outputTokens) => new()
    {
        ["id"] = id,
        ["type"] = "message",
        ["role"] = "assistant",
        ["model"] = request.Model,
        ["content"] = content,
        ["stop_reason"] = stopReason,
        ["stop_sequence"] = null,
        ["usage"] = new JsonObject { ["input_tokens"] = inputTokens, ["output_tokens"] = outputTokens },
    };

    private static string MessageId(ChatCompletionRequest request) => "msg_" + StandInChatModel.CompletionId(request)["chatcmpl-".Length..];

    // Kong's anthropic driver sends the key as x-api-key; Anthropic's own .NET client (13.x) sends it as a Bearer token,
    // which api.anthropic.com also takes. It is checked only when the stand-in is given one, and never echoed.
    private static void RequireApiKey(HttpContext context)
    {
        var expected = context.RequestServices.GetRequiredService<IOptions<LlmStandInOptions>>().Value.ApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            return;
        }

        var headers = context.Request.Headers;
        if (!string.Equals(headers["x-api-key"].ToString(), expected, StringComparison.Ordinal)
            && !string.Equals(headers.Authorization.ToString(), $"Bearer {expected}", StringComparison.Ordinal))
        {
            throw new OpenAiRequestException(StatusCodes.Status401Unauthorized, "invalid x-api-key", type: "authentication_error");
        }
    }

    private static JsonObject ErrorBody(OpenAiRequestException error) => new()
    {
        ["type"] = "error",
        ["error"] = new JsonObject
        {
            ["type"] = error.StatusCode == StatusCodes.Status401Unauthorized ? "authentication_error" : "invalid_request_error",
            // Anthropic names the field first: "messages.0.role: …".
            ["message"] = error.Param is null ? error.Message : $"{error.Param}: {error.Message}",
        },
    };
}
