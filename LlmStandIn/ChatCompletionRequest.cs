using System.Text;
using System.Text.Json;

namespace KonnectAspire.LlmStandIn;

/// <summary>The parts of a POST /v1/chat/completions body the stand-in uses; other parameters are accepted and ignored.</summary>
internal sealed record ChatCompletionRequest(
    string Model,
    IReadOnlyList<ChatRequestMessage> Messages,
    int? MaxTokens,
    int Choices,
    bool Stream,
    bool IncludeUsage)
{
    private static readonly string[] Roles = ["system", "developer", "user", "assistant", "tool", "function"];

    public static ChatCompletionRequest Parse(OpenAiRequestBody body)
    {
        var model = body.Model();
        if (!body.TryGet("messages", out var messages))
        {
            throw OpenAiRequestException.Missing("messages");
        }

        if (messages.ValueKind != JsonValueKind.Array)
        {
            throw OpenAiRequestException.InvalidType("messages", "an array of messages");
        }

        if (messages.GetArrayLength() == 0)
        {
            throw new OpenAiRequestException(
                StatusCodes.Status400BadRequest, "Invalid 'messages': empty array. Expected an array with minimum length 1.", "messages", "empty_array");
        }

        var parsed = messages.EnumerateArray().Select((message, index) => ParseMessage(message, $"messages[{index}]")).ToList();

        // max_completion_tokens replaced max_tokens in OpenAI's API; clients send one or the other.
        var maxTokens = body.Integer("max_completion_tokens", 1, int.MaxValue) ?? body.Integer("max_tokens", 1, int.MaxValue);
        var choices = body.Integer("n", 1, 128) ?? 1;
        var stream = body.Boolean("stream");
        var includeUsage = false;
        if (body.TryGet("stream_options", out var streamOptions))
        {
            if (!stream)
            {
                throw new OpenAiRequestException(
                    StatusCodes.Status400BadRequest, "The 'stream_options' parameter is only allowed when 'stream' is enabled.", "stream_options");
            }

            includeUsage = new OpenAiRequestBody(streamOptions, "stream_options").Boolean("include_usage");
        }

        return new ChatCompletionRequest(model, parsed, maxTokens, choices, stream, includeUsage);
    }

    private static ChatRequestMessage ParseMessage(JsonElement message, string path)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            throw OpenAiRequestException.InvalidType(path, "an object");
        }

        var fields = new OpenAiRequestBody(message, path);
        if (!fields.TryGet("role", out _))
        {
            throw OpenAiRequestException.Missing($"{path}.role");
        }

        var role = fields.OneOf("role", Roles)
            ?? throw OpenAiRequestException.Missing($"{path}.role");
        var name = fields.TryGet("name", out var nameValue) && nameValue.ValueKind == JsonValueKind.String ? nameValue.GetString() : null;
        if (!fields.TryGet("content", out var content))
        {
            // An assistant message that only carries tool calls has no content.
            return role == "assistant" ? new ChatRequestMessage(role, "", name) : throw OpenAiRequestException.Missing($"{path}.content");
        }

        return new ChatRequestMessage(role, ContentText(content, $"{path}.content"), name);
    }

    /// <summary>The text of a message content: a string, or the text parts of an array joined by line breaks.</summary>
    public static string ContentText(JsonElement content, string path)
    {
        switch (content.ValueKind)
        {
            case JsonValueKind.String:
                return content.GetString()!;
            case JsonValueKind.Array:
                var text = new StringBuilder();
                foreach (var part in content.EnumerateArray())
                {
                    // Image and audio parts carry no text for the stand-in to read; they cost no tokens here.
                    if (part.ValueKind == JsonValueKind.Object
                        && part.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                        && type.GetString() is "text" or "input_text"
                        && part.TryGetProperty("text", out var partText) && partText.ValueKind == JsonValueKind.String)
                    {
                        if (text.Length > 0)
                        {
                            text.Append('\n');
                        }

                        text.Append(partText.GetString());
                    }
                }

                return text.ToString();
            default:
                throw OpenAiRequestException.InvalidType(path, "a string or an array of content parts");
        }
    }
}
