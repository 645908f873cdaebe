using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace KonnectAspire.LlmStandIn;

/// <summary>
/// Deterministic embeddings by feature hashing: each word of the text (see <see cref="StandInTokenizer.Words"/>)
/// adds +1 or -1 to one of the vector's dimensions, both chosen by a stable hash of the word, and the vector is
/// scaled to length 1. Texts sharing words point the same way, so a semantic cache in front of the stand-in finds
/// reworded questions with the same words, and unrelated questions stay far apart.
/// </summary>
internal static class StandInEmbeddingModel
{
    public static float[] Embed(string text, int dimensions)
    {
        var vector = new float[dimensions];
        foreach (var word in StandInTokenizer.Words(text))
        {
            var hash = StableHash.Fnv1a64(word);
            vector[(int)(hash % (ulong)dimensions)] += (hash >> 63) == 0 ? 1f : -1f;
        }

        var length = MathF.Sqrt(vector.Sum(v => v * v));
        if (length == 0)
        {
            // A text without words or symbols (or whose features cancelled out) still needs a unit vector.
            vector[0] = 1f;
            return vector;
        }

        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] /= length;
        }

        return vector;
    }

    /// <summary>The list object OpenAI returns, with the vectors as float arrays or as base64 of little-endian float32.</summary>
    public static JsonObject Response(EmbeddingRequest request)
    {
        var data = new JsonArray();
        for (var index = 0; index < request.Inputs.Count; index++)
        {
            var vector = Embed(request.Inputs[index], request.Dimensions);
            JsonNode embedding = request.EncodingFormat == "base64"
                ? Convert.ToBase64String(MemoryMarshal.AsBytes(vector.AsSpan()))
                : new JsonArray(vector.Select(v => (JsonNode)v).ToArray());
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = index, ["embedding"] = embedding });
        }

        var promptTokens = request.Inputs.Sum(StandInTokenizer.Count);
        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = request.Model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = promptTokens, ["total_tokens"] = promptTokens },
        };
    }
}
