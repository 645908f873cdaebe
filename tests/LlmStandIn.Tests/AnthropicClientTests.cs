using Anthropic;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using Microsoft.Extensions.AI;

namespace KonnectAspire.LlmStandIn.Tests;

/// <summary>Anthropic's official .NET client talks to the stand-in as it talks to api.anthropic.com, natively and through <see cref="IChatClient"/>.</summary>
public class AnthropicClientTests(StandInServer server) : IClassFixture<StandInServer>
{
    private const string Model = "claude-3-5-haiku-latest";

    private const string Answer = "This is the local LLM stand-in answering as claude-3-5-haiku-latest. You asked: \"What is Kong?\"";

    private AnthropicClient Client(string apiKey = StandInServer.ApiKey)
        => new() { ApiKey = apiKey, BaseUrl = server.BaseAddress.ToString().TrimEnd('/'), MaxRetries = 0 };

    [Fact]
    public async Task The_official_client_gets_a_message_with_text_stop_reason_and_usage()
    {
        var message = await Client().Messages.Create(new MessageCreateParams
        {
            Model = Model,
            MaxTokens = 256,
            Messages = [new UserMessageParam("What is Kong?")],
        });

        Assert.True(message.Content[0].TryPickText(out var text));
        Assert.Equal(Answer, text!.Text);
        Assert.Equal(StopReason.EndTurn, message.StopReason?.Value());
        Assert.StartsWith("msg_", message.ID, StringComparison.Ordinal);
        Assert.True(message.Usage.InputTokens > 0);
        Assert.True(message.Usage.OutputTokens > 0);
    }

    [Fact]
    public async Task The_official_chat_client_streams_the_same_answer_cut_at_max_tokens()
    {
        using var chat = Client().AsIChatClient(Model);

        var whole = await chat.GetResponseAsync("What is Kong?");
        var parts = new List<string>();
        await foreach (var update in chat.GetStreamingResponseAsync("What is Kong?", new ChatOptions { MaxOutputTokens = 5 }))
        {
            parts.Add(update.Text);
        }

        Assert.Equal(Answer, whole.Text);
        Assert.Equal("This is the local", string.Concat(parts));
    }

    [Fact]
    public async Task A_wrong_key_is_the_clients_authentication_error()
    {
        var error = await Assert.ThrowsAsync<AnthropicUnauthorizedException>(() => Client("sk-wrong").Messages.Create(new MessageCreateParams
        {
            Model = Model,
            MaxTokens = 16,
            Messages = [new UserMessageParam("What is Kong?")],
        }));

        Assert.Contains("authentication_error", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-wrong", error.Message, StringComparison.Ordinal);
    }
}
