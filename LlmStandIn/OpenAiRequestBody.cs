using System.Text.Json;

namespace KonnectAspire.LlmStandIn;

/// <summary>
/// The JSON object of an OpenAI request (or one object inside it, at <paramref name="path"/>), read field by field so
/// each mistake gets OpenAI's error naming the parameter, e.g. "messages[0].role".
/// </summary>
internal sealed class OpenAiRequestBody(JsonElement root, string path = "")
{
    public JsonElement Root { get; } = root;

    public static async Task<OpenAiRequestBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new OpenAiRequestException(StatusCodes.Status400BadRequest, "The request body must be a JSON object.");
            }

            return new OpenAiRequestBody(document.RootElement.Clone());
        }
        catch (JsonException)
        {
            throw new OpenAiRequestException(
                StatusCodes.Status400BadRequest,
                "We could not parse the JSON body of your request. The body must be JSON, sent with 'Content-Type: application/json'.");
        }
    }

    private string Param(string name) => path.Length == 0 ? name : $"{path}.{name}";

    public bool TryGet(string name, out JsonElement value)
        => Root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    public string Model()
    {
        if (!TryGet("model", out var model))
        {
            throw new OpenAiRequestException(StatusCodes.Status400BadRequest, "you must provide a model parameter", "model");
        }

        if (model.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(model.GetString()))
        {
            throw OpenAiRequestException.InvalidType("model", "a non-empty string");
        }

        return model.GetString()!;
    }

    public int? Integer(string name, int minimum, int maximum)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            throw OpenAiRequestException.InvalidType(Param(name), "an integer");
        }

        if (number < minimum)
        {
            throw OpenAiRequestException.BelowMinimum(Param(name), minimum);
        }

        if (number > maximum)
        {
            throw OpenAiRequestException.AboveMaximum(Param(name), maximum);
        }

        return (int)number;
    }

    public bool Boolean(string name)
    {
        if (!TryGet(name, out var value))
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw OpenAiRequestException.InvalidType(Param(name), "a boolean"),
        };
    }

    public string? OneOf(string name, IReadOnlyCollection<string> allowed)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw OpenAiRequestException.InvalidType(Param(name), "a string");
        }

        var text = value.GetString()!;
        return allowed.Contains(text) ? text : throw OpenAiRequestException.InvalidValue(Param(name), text, allowed);
    }
}
