using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime.EventStreams;
using Amazon.Runtime.EventStreams.Internal;

namespace KonnectAspire.LlmStandIn.Tests;

/// <summary>
/// Bedrock's ConverseStream from the stand-in, read with AWS's own event-stream decoder (AWSSDK.Core), which checks
/// every frame's lengths and CRCs: the events Kong's bedrock driver maps to OpenAI chunks, in order.
/// </summary>
public class BedrockConverseStreamTests(StandInServer server) : IClassFixture<StandInServer>
{
    private const string ModelPath = "/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse-stream";

    private async Task<(HttpStatusCode Status, string? MediaType, byte[] Body)> PostAsync(string body, bool signed = true)
    {
        using var http = server.CreateHttpClient(apiKey: null);
        using var request = new HttpRequestMessage(HttpMethod.Post, ModelPath) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signed)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=konnectaspire-stand-in/20261203/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123abcd");
        }

        using var response = await http.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());
    }

    private static List<(string Type, JsonObject Payload)> Decode(byte[] body)
    {
        var messages = new List<EventStreamMessage>();
        using var decoder = new EventStreamDecoder();
        decoder.MessageReceived += (_, e) => messages.Add(e.Message);
        decoder.ProcessData(body, 0, body.Length);
        return [.. messages.Select(m => (m.Headers[":event-type"].AsString(), JsonNode.Parse(m.Payload)!.AsObject()))];
    }

    [Fact]
    public async Task A_converse_stream_is_aws_event_stream_frames_of_the_same_answer_and_usage()
    {
        var (status, mediaType, body) = await PostAsync("""{"anthropic_version":"bedrock-2023-05-31","messages":[{"role":"user","content":[{"text":"What is Kong?"}]}],"system":[{"text":"Be brief."}],"inferenceConfig":{"maxTokens":4096}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/vnd.amazon.eventstream", mediaType);
        var events = Decode(body);
        Assert.Equal("messageStart", events[0].Type);
        Assert.Equal("assistant", (string?)events[0].Payload["role"]);
        Assert.Equal(["contentBlockStop", "messageStop", "metadata"], events[^3..].Select(e => e.Type));
        var text = string.Concat(events.Where(e => e.Type == "contentBlockDelta").Select(e => (string?)e.Payload["delta"]!["text"]));
        Assert.Equal("This is the local LLM stand-in answering as anthropic.claude-3-haiku-20240307-v1:0. You asked: \"What is Kong?\"", text);
        Assert.Equal("end_turn", (string?)events[^2].Payload["stopReason"]);
        var usage = events[^1].Payload["usage"]!;
        Assert.Equal(17, (int?)usage["inputTokens"]);
        Assert.Equal(events.Count(e => e.Type == "contentBlockDelta"), (int?)usage["outputTokens"]);
    }

    [Fact]
    public async Task Max_tokens_cuts_the_stream_with_stop_reason_max_tokens()
    {
        var (_, _, body) = await PostAsync("""{"messages":[{"role":"user","content":[{"text":"What is Kong?"}]}],"inferenceConfig":{"maxTokens":3}}""");

        var events = Decode(body);
        Assert.Equal(3, events.Count(e => e.Type == "contentBlockDelta"));
        Assert.Equal("max_tokens", (string?)events.Single(e => e.Type == "messageStop").Payload["stopReason"]);
    }

    [Fact]
    public async Task An_unsigned_stream_request_is_refused_as_bedrock_refuses_it()
    {
        var (status, _, body) = await PostAsync("""{"messages":[{"role":"user","content":[{"text":"hi"}]}]}""", signed: false);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("Missing Authentication Token", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }
}
