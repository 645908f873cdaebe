using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KonnectAspire.LlmStandIn;

/// <summary>
/// Amazon Bedrock's Converse API (POST /model/{modelId}/converse) as Kong's ai-proxy bedrock driver calls it: a
/// SigV4-signed request, whose signature the stand-in does not check, answered with the same deterministic text and
/// token counts as the OpenAI routes in Bedrock's shapes; and ConverseStream (POST /model/{modelId}/converse-stream),
/// the same answer as messageStart, one contentBlockDelta per token, contentBlockStop, messageStop and metadata (usage)
/// events in AWS event-stream frames, which Kong's driver reads when a client asks for <c>stream: true</c>.
/// </summary>
internal static class BedrockEndpoints
{
    public const string ConversePathTemplate = "/model/{modelId}/converse";

    public const string ConverseStreamPathTemplate = "/model/{modelId}/converse-stream";

    private const string SigV4Scheme = "AWS4-HMAC-SHA256";

    private static readonly string[] Roles = ["user", "assistant"];

    public static WebApplication MapBedrockEndpoints(this WebApplication app)
    {
        app.MapPost(ConversePathTemplate, ConverseAsync);
        app.MapPost(ConverseStreamPathTemplate, ConverseStreamAsync);
        return app;
    }

    private static async Task<IResult> ConverseAsync(HttpContext context, string modelId, CancellationToken cancellationToken)
    {
        var (request, refusal) = await ReadAsync(context, modelId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var (text, tokens, finishReason) = StandInChatModel.Reply(request!);
        var inputTokens = StandInChatModel.PromptTokens(request!.Messages);
        return Results.Json(new JsonObject
        {
            ["output"] = new JsonObject
            {
                ["message"] = new JsonObject
                {
                    ["role"] = "assistant",
                    ["content"] = new JsonArray(new JsonObject { ["text"] = text }),
                },
            },
            ["stopReason"] = StopReason(finishReason),
            ["usage"] = Usage(inputTokens, tokens.Count),
            ["metrics"] = new JsonObject { ["latencyMs"] = 0 },
        });
    }

    private static async Task<IResult> ConverseStreamAsync(HttpContext context, string modelId, CancellationToken cancellationToken)
    {
        var (request, refusal) = await ReadAsync(context, modelId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var (text, tokens, finishReason) = StandInChatModel.Reply(request!);
        var inputTokens = StandInChatModel.PromptTokens(request!.Messages);
        context.Response.ContentType = AwsEventStreamFrame.ContentType;
        var body = context.Response.Body;
        await body.WriteAsync(AwsEventStreamFrame.Event("messageStart", new JsonObject { ["role"] = "assistant" }), cancellationToken);
        foreach (var piece in StandInChatModel.Pieces(text, tokens))
        {
            await body.WriteAsync(AwsEventStreamFrame.Event("contentBlockDelta", new JsonObject { ["contentBlockIndex"] = 0, ["delta"] = new JsonObject { ["text"] = piece } }), cancellationToken);
            await body.FlushAsync(cancellationToken);
        }

        await body.WriteAsync(AwsEventStreamFrame.Event("contentBlockStop", new JsonObject { ["contentBlockIndex"] = 0 }), cancellationToken);
        await body.WriteAsync(AwsEventStreamFrame.Event("messageStop", new JsonObject { ["stopReason"] = StopReason(finishReason) }), cancellationToken);
        await body.WriteAsync(AwsEventStreamFrame.Event("metadata", new JsonObject { ["usage"] = Usage(inputTokens, tokens.Count), ["metrics"] = new JsonObject { ["latencyMs"] = 0 } }), cancellationToken);
        return Results.Empty;
    }

    private static string StopReason(string finishReason) => finishReason == "length" ? "max_tokens" : "end_turn";

    private static JsonObject Usage(int inputTokens, int outputTokens) => new()
    {
        ["inputTokens"] = inputTokens,
        ["outputTokens"] = outputTokens,
        ["totalTokens"] = inputTokens + outputTokens,
    };

    // The request both operations take, or the error Bedrock would answer with.
    private static async Task<(ChatCompletionRequest? Request, IResult? Refusal)> ReadAsync(HttpContext context, string modelId, CancellationToken cancellationToken)
    {
        // Bedrock refuses an unsigned request; Kong signs every one, so a missing signature means it did not come through Kong.
        if (!context.Request.Headers.Authorization.ToString().StartsWith(SigV4Scheme + " ", StringComparison.Ordinal))
        {
            return (null, Error(context, StatusCodes.Status403Forbidden, "MissingAuthenticationTokenException", "Missing Authentication Token"));
        }

        try
        {
            return (Parse(modelId, await OpenAiRequestBody.ReadAsync(context.Request, cancellationToken)), null);
        }
        catch (OpenAiRequestException error)
        {
            return (null, Error(context, StatusCodes.Status400BadRequest, "ValidationException", error.Param is null ? error.Message : $"{error.Param}: {error.Message}"));
        }
    }

    private static ChatCompletionRequest Parse(string modelId, OpenAiRequestBody body)
    {
        var messages = new List<ChatRequestMessage>();
        if (body.TryGet("system", out var system))
        {
            messages.Add(new ChatRequestMessage("system", Text(system, "system"), null));
        }

        if (!body.TryGet("messages", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            throw new OpenAiRequestException(StatusCodes.Status400BadRequest, "The messages field must be a non-empty array of messages.");
        }

        var index = 0;
        foreach (var message in list.EnumerateArray())
        {
            var path = $"messages.{index++}";
            if (message.ValueKind != JsonValueKind.Object)
            {
                throw new OpenAiRequestException(StatusCodes.Status400BadRequest, $"The {path} field must be an object.");
            }

            var fields = new OpenAiRequestBody(message, path);
            var role = fields.OneOf("role", Roles) ?? throw new OpenAiRequestException(StatusCodes.Status400BadRequest, $"The {path}.role field is required.");
            var content = fields.TryGet("content", out var value) ? value : throw new OpenAiRequestException(StatusCodes.Status400BadRequest, $"The {path}.content field is required.");
            messages.Add(new ChatRequestMessage(role, Text(content, $"{path}.content"), null));
        }

        int? maxTokens = null;
        if (body.TryGet("inferenceConfig", out var inference) && inference.ValueKind == JsonValueKind.Object)
        {
            maxTokens = new OpenAiRequestBody(inference, "inferenceConfig").Integer("maxTokens", 1, int.MaxValue);
        }

        return new ChatCompletionRequest(modelId, messages, maxTokens, Choices: 1, Stream: false, IncludeUsage: false);
    }

    // Bedrock content is an array of blocks; only text blocks ({"text": "..."}) carry text for the stand-in.
    private static string Text(JsonElement blocks, string path)
    {
        if (blocks.ValueKind != JsonValueKind.Array)
        {
            throw new OpenAiRequestException(StatusCodes.Status400BadRequest, $"The {path} field must be an array of content blocks.");
        }

        var text = new StringBuilder();
        foreach (var block in blocks.EnumerateArray())
        {
            if (block.ValueKind == JsonValueKind.Object && block.TryGetProperty("text", out var part) && part.ValueKind == JsonValueKind.String)
            {
                text.Append(text.Length > 0 ? "\n" : "").Append(part.GetString());
            }
        }

        return text.ToString();
    }

    // Bedrock's error shape: the type in x-amzn-ErrorType, the message in the body.
    private static IResult Error(HttpContext context, int status, string type, string message)
    {
        context.Response.Headers["x-amzn-ErrorType"] = type;
        return Results.Json(new JsonObject { ["message"] = message }, statusCode: status);
    }
}
