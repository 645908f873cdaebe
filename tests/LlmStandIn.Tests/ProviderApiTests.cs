using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace KonnectAspire.LlmStandIn.Tests;

/// <summary>The stand-in answers Anthropic Messages and Bedrock Converse as Kong's ai-proxy drivers call them.</summary>
public class ProviderApiTests(StandInServer server) : IClassFixture<StandInServer>
{
    private const string Expected = "This is the local LLM stand-in answering as {0}. You asked: \"What is Kong?\"";

    private async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> PostAsync(string path, string body, Action<HttpRequestMessage> sign)
    {
        using var http = server.CreateHttpClient(apiKey: null);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        sign(request);
        var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    private static void AnthropicKey(HttpRequestMessage request)
    {
        request.Headers.Add("x-api-key", StandInServer.ApiKey);
        request.Headers.Add("anthropic-version", "2023-06-01");
    }

    private static void SigV4(HttpRequestMessage request) => request.Headers.TryAddWithoutValidation(
        "Authorization", "AWS4-HMAC-SHA256 Credential=konnectaspire-stand-in/20261203/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123abcd");

    // The usage the OpenAI route reports for the same system prompt and question: every API counts tokens alike.
    private async Task<JsonNode> OpenAiUsageAsync(string model)
    {
        using var http = server.CreateHttpClient();
        using var response = await http.PostAsync(
            "/v1/chat/completions",
            new StringContent($$"""{"model":"{{model}}","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"What is Kong?"}]}""", Encoding.UTF8, "application/json"));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["usage"]!;
    }

    [Fact]
    public async Task Anthropic_messages_get_an_anthropic_message_with_the_same_answer_and_token_counts_as_openai()
    {
        var (status, body, _) = await PostAsync(
            "/v1/messages",
            """{"model":"claude-3-5-haiku-latest","max_tokens":256,"system":"Be brief.","messages":[{"role":"user","content":[{"type":"text","text":"What is Kong?"}]}]}""",
            AnthropicKey);

        Assert.Equal(HttpStatusCode.OK, status);
        var message = JsonNode.Parse(body)!;
        Assert.Equal("message", (string?)message["type"]);
        Assert.Equal("assistant", (string?)message["role"]);
        Assert.StartsWith("msg_", (string?)message["id"], StringComparison.Ordinal);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, Expected, "claude-3-5-haiku-latest"), (string?)message["content"]![0]!["text"]);
        Assert.Equal("end_turn", (string?)message["stop_reason"]);
        var openAi = await OpenAiUsageAsync("claude-3-5-haiku-latest");
        Assert.Equal(((int)openAi["prompt_tokens"]!, (int)openAi["completion_tokens"]!), ((int)message["usage"]!["input_tokens"]!, (int)message["usage"]!["output_tokens"]!));
        Assert.Equal(17, (int?)message["usage"]!["input_tokens"]);
    }

    [Fact]
    public async Task A_streamed_anthropic_message_sends_anthropics_events_in_order()
    {
        var (status, body, response) = await PostAsync(
            "/v1/messages",
            """{"model":"claude-3-5-haiku-latest","max_tokens":5,"stream":true,"messages":[{"role":"user","content":"What is Kong?"}]}""",
            AnthropicKey);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split('\n')[0]["event: ".Length..]).ToList();
        Assert.Equal(["message_start", "content_block_start", "content_block_delta", "content_block_delta", "content_block_delta", "content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop"], events);
        Assert.Contains("\"stop_reason\":\"max_tokens\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"model":"claude-3-5-haiku-latest","messages":[{"role":"user","content":"hi"}]}""", "max_tokens")]
    [InlineData("""{"model":"claude-3-5-haiku-latest","max_tokens":10,"messages":[{"role":"system","content":"hi"}]}""", "messages.0.role")]
    public async Task A_bad_anthropic_request_gets_anthropics_error_body(string request, string field)
    {
        var (status, body, _) = await PostAsync("/v1/messages", request, AnthropicKey);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = JsonNode.Parse(body)!;
        Assert.Equal("error", (string?)error["type"]);
        Assert.Equal("invalid_request_error", (string?)error["error"]!["type"]);
        Assert.Contains(field, (string?)error["error"]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anthropic_request_with_the_wrong_key_is_an_authentication_error_that_does_not_echo_it()
    {
        var (status, body, _) = await PostAsync(
            "/v1/messages", """{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"hi"}]}""", r => r.Headers.Add("x-api-key", "sk-wrong-key"));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("authentication_error", (string?)JsonNode.Parse(body)!["error"]!["type"]);
        Assert.DoesNotContain("sk-wrong-key", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_bedrock_converse_request_gets_a_converse_answer()
    {
        var (status, body, _) = await PostAsync(
            "/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse",
            """{"system":[{"text":"Be brief."}],"messages":[{"role":"user","content":[{"text":"What is Kong?"}]}],"inferenceConfig":{"maxTokens":256}}""",
            SigV4);

        Assert.Equal(HttpStatusCode.OK, status);
        var answer = JsonNode.Parse(body)!;
        Assert.Equal("assistant", (string?)answer["output"]!["message"]!["role"]);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, Expected, "anthropic.claude-3-haiku-20240307-v1:0"), (string?)answer["output"]!["message"]!["content"]![0]!["text"]);
        Assert.Equal("end_turn", (string?)answer["stopReason"]);
        var openAi = await OpenAiUsageAsync("anthropic.claude-3-haiku-20240307-v1:0");
        Assert.Equal(
            ((int)openAi["prompt_tokens"]!, (int)openAi["completion_tokens"]!, (int)openAi["total_tokens"]!),
            ((int)answer["usage"]!["inputTokens"]!, (int)answer["usage"]!["outputTokens"]!, (int)answer["usage"]!["totalTokens"]!));
    }

    [Fact]
    public async Task An_unsigned_bedrock_request_is_refused_as_bedrock_refuses_it()
    {
        var (status, body, response) = await PostAsync("/model/amazon.nova-lite-v1%3A0/converse", """{"messages":[{"role":"user","content":[{"text":"hi"}]}]}""", _ => { });

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("MissingAuthenticationTokenException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Equal("Missing Authentication Token", (string?)JsonNode.Parse(body)!["message"]);
    }

    [Fact]
    public async Task A_bedrock_request_without_messages_is_a_validation_exception()
    {
        var (status, body, response) = await PostAsync("/model/amazon.nova-lite-v1%3A0/converse", """{"inferenceConfig":{"maxTokens":5}}""", SigV4);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ValidationException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Contains("messages", (string?)JsonNode.Parse(body)!["message"], StringComparison.Ordinal);
    }
}
