using System.ClientModel;
using System.Text;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;

namespace KonnectAspire.LlmStandIn.Tests;

public class OpenAiClientTests(StandInServer server) : IClassFixture<StandInServer>
{
    private const string Model = "gpt-4o-mini";

    private OpenAIClient Client(string apiKey = StandInServer.ApiKey)
        => new(new ApiKeyCredential(apiKey), new OpenAIClientOptions { Endpoint = server.OpenAiEndpoint });

    private static ChatMessage[] Question() => [new SystemChatMessage("You are terse."), new UserChatMessage("What is Kong?")];

    [Fact]
    public async Task The_official_client_gets_a_chat_completion_with_counted_usage()
    {
        ChatCompletion completion = await Client().GetChatClient(Model).CompleteChatAsync(Question());

        Assert.Equal("This is the local LLM stand-in answering as gpt-4o-mini. You asked: \"What is Kong?\"", completion.Content[0].Text);
        Assert.Equal(ChatMessageRole.Assistant, completion.Role);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.Equal(Model, completion.Model);
        Assert.StartsWith("chatcmpl-", completion.Id);
        // 3 priming + (3 + "You are terse." = You|are|ters|e|.) + (3 + "What is Kong?" = What|is|Kong|?)
        Assert.Equal(18, completion.Usage.InputTokenCount);
        // This|is|the|loca|l|LLM|stan|d|-|in|answ|erin|g|as|gpt|-|4o|-|mini|.|You|aske|d|:|"|What|is|Kong|?|"
        Assert.Equal(30, completion.Usage.OutputTokenCount);
        Assert.Equal(48, completion.Usage.TotalTokenCount);
    }

    [Fact]
    public async Task The_same_question_gets_the_same_answer_and_id()
    {
        var chat = Client().GetChatClient(Model);

        ChatCompletion first = await chat.CompleteChatAsync(Question());
        ChatCompletion second = await chat.CompleteChatAsync(Question());
        ChatCompletion other = await chat.CompleteChatAsync(new UserChatMessage("Something else?"));

        Assert.Equal(first.Content[0].Text, second.Content[0].Text);
        Assert.Equal(first.Id, second.Id);
        Assert.NotEqual(first.Id, other.Id);
    }

    [Fact]
    public async Task Max_output_tokens_cuts_the_answer_with_finish_reason_length()
    {
        ChatCompletion completion = await Client().GetChatClient(Model)
            .CompleteChatAsync(Question(), new ChatCompletionOptions { MaxOutputTokenCount = 5 });

        Assert.Equal(ChatFinishReason.Length, completion.FinishReason);
        Assert.Equal("This is the local", completion.Content[0].Text);
        Assert.Equal(5, completion.Usage.OutputTokenCount);
    }

    [Fact]
    public async Task Streaming_sends_the_same_answer_token_by_token_with_usage_at_the_end()
    {
        var text = new StringBuilder();
        var updates = 0;
        ChatTokenUsage? usage = null;
        ChatFinishReason? finish = null;
        await foreach (var update in Client().GetChatClient(Model).CompleteChatStreamingAsync(Question()))
        {
            updates++;
            text.Append(string.Concat(update.ContentUpdate.Select(part => part.Text)));
            usage ??= update.Usage;
            finish ??= update.FinishReason;
        }

        Assert.Equal("This is the local LLM stand-in answering as gpt-4o-mini. You asked: \"What is Kong?\"", text.ToString());
        Assert.Equal(ChatFinishReason.Stop, finish);
        Assert.True(updates > 30, $"expected one update per token, got {updates}");
        Assert.NotNull(usage);
        Assert.Equal(18, usage.InputTokenCount);
        Assert.Equal(30, usage.OutputTokenCount);
    }

    [Fact]
    public async Task The_official_client_gets_a_unit_length_embedding()
    {
        OpenAIEmbedding embedding = await Client().GetEmbeddingClient("text-embedding-3-small").GenerateEmbeddingAsync("What is Kong?");

        var vector = embedding.ToFloats().ToArray();
        Assert.Equal(1536, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(v => (double)v * v)), precision: 5);
    }

    [Fact]
    public async Task Embeddings_honour_dimensions_and_keep_shared_words_close()
    {
        var client = Client().GetEmbeddingClient("text-embedding-3-small");
        var options = new EmbeddingGenerationOptions { Dimensions = 256 };

        OpenAIEmbeddingCollection embeddings = await client.GenerateEmbeddingsAsync(
            ["What is Kong Gateway?", "WHAT is kong gateway", "Kong Gateway: what is it?", "Bake bread at home"], options);

        var vectors = embeddings.Select(e => e.ToFloats().ToArray()).ToList();
        Assert.All(vectors, v => Assert.Equal(256, v.Length));
        Assert.Equal(1.0, Cosine(vectors[0], vectors[1]), precision: 5);
        Assert.True(Cosine(vectors[0], vectors[2]) > 0.8, "texts sharing most words should be close");
        Assert.True(Cosine(vectors[0], vectors[3]) < 0.5, "unrelated texts should be far apart");
        // What|is|Kong|Gate|way|?  WHAT|is|kong|gate|way  Kong|Gate|way|:|what|is|it|?  Bake|brea|d|at|home
        Assert.Equal(6 + 5 + 8 + 5, embeddings.Usage.InputTokenCount);
    }

    [Fact]
    public async Task A_wrong_api_key_is_refused_like_openai_does()
    {
        var error = await Assert.ThrowsAsync<ClientResultException>(
            () => Client("sk-wrong").GetChatClient(Model).CompleteChatAsync(Question()));

        Assert.Equal(401, error.Status);
        Assert.Contains("Incorrect API key provided", error.Message);
        Assert.DoesNotContain("sk-wrong", error.Message);
    }

    [Fact]
    public async Task The_model_list_names_the_advertised_models()
    {
        var models = await Client().GetOpenAIModelClient().GetModelsAsync();

        Assert.Equal(["gpt-4o-mini", "text-embedding-3-small"], models.Value.Select(m => m.Id));
    }

    private static double Cosine(float[] a, float[] b)
        => a.Zip(b, (x, y) => (double)x * y).Sum() / (Math.Sqrt(a.Sum(x => (double)x * x)) * Math.Sqrt(b.Sum(y => (double)y * y)));
}
