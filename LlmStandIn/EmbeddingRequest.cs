using System.Globalization;
using System.Text.Json;

namespace KonnectAspire.LlmStandIn;

/// <summary>A POST /v1/embeddings body: the texts to embed (token-id arrays are read as their ids), size and encoding.</summary>
internal sealed record EmbeddingRequest(string Model, IReadOnlyList<string> Inputs, int Dimensions, string EncodingFormat)
{
    public const int DefaultDimensions = 1536;
    public const int MaxDimensions = 3072;
    public const int MaxInputs = 2048;
    private static readonly string[] EncodingFormats = ["float", "base64"];

    public static EmbeddingRequest Parse(OpenAiRequestBody body)
    {
        var model = body.Model();
        if (!body.TryGet("input", out var input))
        {
            throw OpenAiRequestException.Missing("input");
        }

        var inputs = input.ValueKind switch
        {
            JsonValueKind.String => [NonEmpty(input.GetString()!, "input")],
            JsonValueKind.Array => ArrayInputs(input),
            _ => throw OpenAiRequestException.InvalidType("input", "a string, an array of strings or an array of token arrays"),
        };
        var dimensions = body.Integer("dimensions", 1, MaxDimensions) ?? DefaultDimensions;
        var format = body.OneOf("encoding_format", EncodingFormats) ?? "float";
        return new EmbeddingRequest(model, inputs, dimensions, format);
    }

    private static List<string> ArrayInputs(JsonElement input)
    {
        var count = input.GetArrayLength();
        if (count == 0)
        {
            throw new OpenAiRequestException(
                StatusCodes.Status400BadRequest, "Invalid 'input': empty array. Expected an array with minimum length 1.", "input", "empty_array");
        }

        if (count > MaxInputs)
        {
            throw new OpenAiRequestException(
                StatusCodes.Status400BadRequest, $"Invalid 'input': array too long. Expected an array with maximum length {MaxInputs}.", "input");
        }

        // One array of token ids is a single input; an array of arrays is several.
        if (input.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Number))
        {
            return [TokenIds(input, "input")];
        }

        return input.EnumerateArray().Select((item, index) => item.ValueKind switch
        {
            JsonValueKind.String => NonEmpty(item.GetString()!, $"input[{index}]"),
            JsonValueKind.Array => TokenIds(item, $"input[{index}]"),
            _ => throw OpenAiRequestException.InvalidType($"input[{index}]", "a string or an array of token ids"),
        }).ToList();
    }

    private static string NonEmpty(string text, string param)
        => text.Length > 0
            ? text
            : throw new OpenAiRequestException(StatusCodes.Status400BadRequest, $"Invalid '{param}': empty string. Expected a non-empty string.", param);

    private static string TokenIds(JsonElement ids, string param)
    {
        if (ids.GetArrayLength() == 0 || ids.EnumerateArray().Any(id => id.ValueKind != JsonValueKind.Number || !id.TryGetInt32(out var n) || n < 0))
        {
            throw OpenAiRequestException.InvalidType(param, "a non-empty array of non-negative integer token ids");
        }

        return string.Join(' ', ids.EnumerateArray().Select(id => id.GetInt32().ToString(CultureInfo.InvariantCulture)));
    }
}
