using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace KonnectAspire.LlmStandIn.Tests;

/// <summary>
/// The requests Kong 3.9's ai-proxy drivers send (Contracts/kong-drivers, with their source note) are answered in each
/// provider's own response shape, with the same answer and token counts the stand-in gives on its OpenAI route.
/// </summary>
public class KongDriverRequestTests(StandInServer server) : IClassFixture<StandInServer>
{
    private const string Answer = "This is the local LLM stand-in answering as {0}. You asked: \"What is Kong?\"";

    private async Task<(HttpStatusCode Status, string Body, string? MediaType)> SendAsync(string fixture)
    {
        var request = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Contracts", "kong-drivers", fixture)))!;
        using var http = server.CreateHttpClient(apiKey: null);
        using var message = new HttpRequestMessage(new HttpMethod((string)request["method"]!), (string)request["path"]!)
        {
            Content = new StringContent(request["body"]!.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in request["headers"]!.AsObject())
        {
            message.Headers.TryAddWithoutValidation(name, ((string)value!).Replace("{key}", StandInServer.ApiKey, StringComparison.Ordinal));
        }

        using var response = await http.SendAsync(message);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    private static string AnswerFor(string model) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Answer, model);

    [Fact]
    public async Task Kongs_anthropic_request_with_a_system_string_gets_an_anthropic_message()
    {
        var (status, body, _) = await SendAsync("anthropic-chat.json");

        Assert.True(status == HttpStatusCode.OK, body);
        var message = JsonNode.Parse(body)!;
        Assert.Equal(AnswerFor("claude-3-5-haiku-latest"), (string?)message["content"]![0]!["text"]);
        Assert.Equal("end_turn", (string?)message["stop_reason"]);
        Assert.Equal(17, (int?)message["usage"]!["input_tokens"]);
    }

    [Fact]
    public async Task Kongs_streamed_anthropic_request_gets_anthropics_events_ending_with_message_stop()
    {
        var (status, body, mediaType) = await SendAsync("anthropic-chat-stream.json");

        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal("text/event-stream", mediaType);
        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split('\n')[0]).ToList();
        Assert.Equal("event: message_start", events[0]);
        Assert.Equal("event: message_stop", events[^1]);
        // Kong reads completion tokens from message_delta's usage.output_tokens.
        Assert.Contains("\"usage\":{\"output_tokens\":", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kongs_bedrock_converse_request_with_anthropic_version_and_max_tokens_gets_a_converse_answer()
    {
        var (status, body, _) = await SendAsync("bedrock-converse.json");

        Assert.True(status == HttpStatusCode.OK, body);
        var answer = JsonNode.Parse(body)!;
        // What Kong's from_bedrock_chat_openai reads: output.message.content[1].text, stopReason, usage.*Tokens.
        Assert.Equal(AnswerFor("anthropic.claude-3-haiku-20240307-v1:0"), (string?)answer["output"]!["message"]!["content"]![0]!["text"]);
        Assert.Equal("end_turn", (string?)answer["stopReason"]);
        Assert.Equal(17, (int?)answer["usage"]!["inputTokens"]);
        Assert.Equal((int)answer["usage"]!["inputTokens"]! + (int)answer["usage"]!["outputTokens"]!, (int?)answer["usage"]!["totalTokens"]);
    }

    [Fact]
    public async Task Kongs_mistral_request_in_openai_format_gets_a_chat_completion()
    {
        var (status, body, _) = await SendAsync("mistral-chat.json");

        Assert.True(status == HttpStatusCode.OK, body);
        var completion = JsonNode.Parse(body)!;
        Assert.Equal(AnswerFor("mistral-small-latest"), (string?)completion["choices"]![0]!["message"]!["content"]);
        Assert.Equal(17, (int?)completion["usage"]!["prompt_tokens"]);
    }
}
