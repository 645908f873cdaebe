using System.Globalization;
using System.Text.Json.Nodes;

namespace KonnectAspire.LlmStandIn;

/// <summary>
/// Answers chat completions deterministically: the same messages give the same answer, and the usage numbers are
/// counted with <see cref="StandInTokenizer"/>.
/// </summary>
/// <remarks>
/// prompt_tokens follows the rule OpenAI documents for its chat models, with the stand-in's tokenizer: 3 tokens of
/// framing per message plus the tokens of its text (and 1 plus the tokens of its name, when it has one), plus 3 that
/// prime the reply. completion_tokens are the tokens of the answer, for each choice.
/// </remarks>
internal static class StandInChatModel
{
    public const int TokensPerMessage = 3;
    public const int TokensPerName = 1;
    public const int ReplyPrimingTokens = 3;
    private const int MaxQuotedLength = 200;

    public static int PromptTokens(IReadOnlyList<ChatRequestMessage> messages)
        => ReplyPrimingTokens + messages.Sum(m =>
            TokensPerMessage + StandInTokenizer.Count(m.Text) + (m.Name is null ? 0 : TokensPerName + StandInTokenizer.Count(m.Name)));

    /// <summary>The full answer before any max_tokens cut.</summary>
    public static string Answer(ChatCompletionRequest request)
    {
        var question = request.Messages.LastOrDefault(m => m.Role == "user")?.Text.Trim() ?? "";
        if (question.Length == 0)
        {
            return $"This is the local LLM stand-in answering as {request.Model}. There was no question to answer.";
        }

        var quoted = question.Length <= MaxQuotedLength ? question : string.Concat(question.AsSpan(0, MaxQuotedLength), "…");
        return $"This is the local LLM stand-in answering as {request.Model}. You asked: \"{quoted}\"";
    }

    /// <summary>The answer cut to <see cref="ChatCompletionRequest.MaxTokens"/>, its token ranges, and why it ended.</summary>
    public static (string Text, IReadOnlyList<Range> Tokens, string FinishReason) Reply(ChatCompletionRequest request)
    {
        var answer = Answer(request);
        var tokens = StandInTokenizer.Tokenize(answer);
        if (request.MaxTokens is { } max && tokens.Count > max)
        {
            var kept = tokens.Take(max).ToList();
            return (answer[..kept[^1].End], kept, "length");
        }

        return (answer, tokens, "stop");
    }

    public static string CompletionId(ChatCompletionRequest request)
    {
        var key = string.Join('\u241E', request.Messages.Select(m => $"{m.Role}\u241F{m.Name}\u241F{m.Text}").Prepend(request.Model));
        return "chatcmpl-" + StableHash.Fnv1a64(key).ToString("x16", CultureInfo.InvariantCulture);
    }

    public static JsonObject Usage(int promptTokens, int completionTokens) => new()
    {
        ["prompt_tokens"] = promptTokens,
        ["completion_tokens"] = completionTokens,
        ["total_tokens"] = promptTokens + completionTokens,
    };

    /// <summary>The chat.completion object OpenAI returns for a request without stream.</summary>
    public static JsonObject Completion(ChatCompletionRequest request, DateTimeOffset now)
    {
        var (text, tokens, finishReason) = Reply(request);
        var choices = new JsonArray();
        for (var index = 0; index < request.Choices; index++)
        {
            choices.Add(new JsonObject
            {
                ["index"] = index,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text, ["refusal"] = null },
                ["logprobs"] = null,
                ["finish_reason"] = finishReason,
            });
        }

        return new JsonObject
        {
            ["id"] = CompletionId(request),
            ["object"] = "chat.completion",
            ["created"] = now.ToUnixTimeSeconds(),
            ["model"] = request.Model,
            ["choices"] = choices,
            ["usage"] = Usage(PromptTokens(request.Messages), tokens.Count * request.Choices),
            ["system_fingerprint"] = "fp_llm_stand_in",
        };
    }

    /// <summary>
    /// The chat.completion.chunk objects of a streamed answer: the role, one chunk per token (with the whitespace
    /// before it), the finish reason, and the usage when stream_options.include_usage asks for it.
    /// </summary>
    public static IEnumerable<JsonObject> Chunks(ChatCompletionRequest request, DateTimeOffset now)
    {
        var (text, tokens, finishReason) = Reply(request);
        var id = CompletionId(request);
        var created = now.ToUnixTimeSeconds();

        JsonObject Chunk(JsonArray choices, JsonObject? usage = null)
        {
            var chunk = new JsonObject
            {
                ["id"] = id,
                ["object"] = "chat.completion.chunk",
                ["created"] = created,
                ["model"] = request.Model,
                ["system_fingerprint"] = "fp_llm_stand_in",
                ["choices"] = choices,
            };
            if (request.IncludeUsage)
            {
                chunk["usage"] = usage;
            }

            return chunk;
        }

        JsonArray Deltas(Func<JsonObject> delta, string? finish)
        {
            var choices = new JsonArray();
            for (var index = 0; index < request.Choices; index++)
            {
                choices.Add(new JsonObject { ["index"] = index, ["delta"] = delta(), ["logprobs"] = null, ["finish_reason"] = finish });
            }

            return choices;
        }

        yield return Chunk(Deltas(() => new JsonObject { ["role"] = "assistant", ["content"] = "", ["refusal"] = null }, null));
        foreach (var piece in Pieces(text, tokens))
        {
            yield return Chunk(Deltas(() => new JsonObject { ["content"] = piece }, null));
        }

        yield return Chunk(Deltas(() => [], finishReason));
        if (request.IncludeUsage)
        {
            yield return Chunk([], Usage(PromptTokens(request.Messages), tokens.Count * request.Choices));
        }
    }

    /// <summary>The streamed pieces of an answer: one per token, each with the whitespace before it.</summary>
    public static IEnumerable<string> Pieces(string text, IReadOnlyList<Range> tokens)
    {
        var start = 0;
        foreach (var token in tokens)
        {
            yield return text[start..token.End];
            start = token.End.GetOffset(text.Length);
        }
    }
}
