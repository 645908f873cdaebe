using System.Net;
using System.Text;
using System.Text.Json;

namespace KonnectAspire.LlmStandIn.Tests;

public class OpenAiErrorTests(StandInServer server) : IClassFixture<StandInServer>
{
    private async Task<(HttpStatusCode Status, JsonElement Error)> PostAsync(string path, string body, string? apiKey = StandInServer.ApiKey)
    {
        using var http = server.CreateHttpClient(apiKey);
        using var response = await http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.GetProperty("error").Clone());
    }

    private static void AssertError(JsonElement error, string messageStart, string? param, string? code)
    {
        Assert.StartsWith(messageStart, error.GetProperty("message").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal(param, error.GetProperty("param").GetString());
        Assert.Equal(code, error.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/v1/chat/completions", "{not json", "We could not parse the JSON body of your request.", null, null)]
    [InlineData("/v1/chat/completions", """{"messages":[{"role":"user","content":"hi"}]}""", "you must provide a model parameter", "model", null)]
    [InlineData("/v1/chat/completions", """{"model":"m"}""", "Missing required parameter: 'messages'.", "messages", "missing_required_parameter")]
    [InlineData("/v1/chat/completions", """{"model":"m","messages":[]}""", "Invalid 'messages': empty array.", "messages", "empty_array")]
    [InlineData(
        "/v1/chat/completions",
        """{"model":"m","messages":[{"role":"robot","content":"hi"}]}""",
        "Invalid value: 'robot'. Supported values are: 'system', 'developer', 'user'",
        "messages[0].role",
        "invalid_value")]
    [InlineData(
        "/v1/chat/completions",
        """{"model":"m","messages":[{"role":"user","content":"hi"}],"max_tokens":0}""",
        "Invalid 'max_tokens': integer below minimum value. Expected a value >= 1.",
        "max_tokens",
        "integer_below_min_value")]
    [InlineData(
        "/v1/chat/completions",
        """{"model":"m","messages":[{"role":"user","content":"hi"}],"stream_options":{"include_usage":true}}""",
        "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
        "stream_options",
        null)]
    [InlineData("/v1/embeddings", """{"model":"m"}""", "Missing required parameter: 'input'.", "input", "missing_required_parameter")]
    [InlineData("/v1/embeddings", """{"model":"m","input":""}""", "Invalid 'input': empty string.", "input", null)]
    [InlineData(
        "/v1/embeddings",
        """{"model":"m","input":"hi","encoding_format":"int8"}""",
        "Invalid value: 'int8'. Supported values are: 'float', 'base64'.",
        "encoding_format",
        "invalid_value")]
    [InlineData(
        "/v1/embeddings",
        """{"model":"m","input":"hi","dimensions":4096}""",
        "Invalid 'dimensions': integer above maximum value. Expected a value <= 3072.",
        "dimensions",
        "integer_above_max_value")]
    public async Task A_bad_request_gets_openais_error_body(string path, string body, string messageStart, string? param, string? code)
    {
        var (status, error) = await PostAsync(path, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertError(error, messageStart, param, code);
    }

    [Fact]
    public async Task A_request_without_a_key_is_told_how_to_send_one()
    {
        var (status, error) = await PostAsync("/v1/embeddings", """{"model":"m","input":"hi"}""", apiKey: null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        AssertError(error, "You didn't provide an API key.", null, null);
    }

    [Fact]
    public async Task An_unknown_path_gets_a_json_404_naming_the_served_routes()
    {
        using var http = server.CreateHttpClient();
        using var response = await http.GetAsync("/v1/completions-typo");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("Invalid URL (GET /v1/completions-typo).", document.RootElement.GetProperty("error").GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Health_endpoints_answer_without_a_key(string path)
    {
        using var http = server.CreateHttpClient(apiKey: null);
        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
