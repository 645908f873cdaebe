using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace KonnectAspire.LlmStandIn.Tests;

public class EmbeddingEncodingTests(StandInServer server) : IClassFixture<StandInServer>
{
    private async Task<JsonElement> EmbeddingAsync(string encodingFormat)
    {
        using var http = server.CreateHttpClient();
        using var response = await http.PostAsJsonAsync("/v1/embeddings", new { model = "m", input = "What is Kong?", dimensions = 8, encoding_format = encodingFormat });
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("data")[0].GetProperty("embedding").Clone();
    }

    [Fact]
    public async Task Base64_is_the_float_vector_as_little_endian_float32()
    {
        var floats = (await EmbeddingAsync("float")).EnumerateArray().Select(e => e.GetSingle()).ToArray();
        var base64 = MemoryMarshal.Cast<byte, float>(Convert.FromBase64String((await EmbeddingAsync("base64")).GetString()!)).ToArray();

        Assert.Equal(8, floats.Length);
        Assert.Equal(floats, base64);
    }

    [Fact]
    public async Task Token_id_arrays_are_embedded_as_one_input_each()
    {
        using var http = server.CreateHttpClient();
        using var response = await http.PostAsJsonAsync("/v1/embeddings", new { model = "m", input = new[] { new[] { 1, 2, 3 }, new[] { 4 } } });
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(2, document.RootElement.GetProperty("data").GetArrayLength());
        Assert.Equal(4, document.RootElement.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
    }
}
