using System.Text.Json.Nodes;

namespace KonnectAspire.LlmStandIn;

/// <summary>A request the stand-in refuses, answered with OpenAI's error body so clients report it as OpenAI would.</summary>
internal sealed class OpenAiRequestException(int statusCode, string message, string? param = null, string? code = null, string type = OpenAiRequestException.InvalidRequestError)
    : Exception(message)
{
    public const string InvalidRequestError = "invalid_request_error";

    public int StatusCode { get; } = statusCode;

    public string? Param { get; } = param;

    public string? Code { get; } = code;

    public string Type { get; } = type;

    /// <summary>{"error": {"message", "type", "param", "code"}}, the shape of every OpenAI API error.</summary>
    public JsonObject ToErrorBody() => new()
    {
        ["error"] = new JsonObject
        {
            ["message"] = Message,
            ["type"] = Type,
            ["param"] = Param,
            ["code"] = Code,
        },
    };

    public static OpenAiRequestException Missing(string param)
        => new(StatusCodes.Status400BadRequest, $"Missing required parameter: '{param}'.", param, "missing_required_parameter");

    public static OpenAiRequestException InvalidType(string param, string expected)
        => new(StatusCodes.Status400BadRequest, $"Invalid type for '{param}': expected {expected}.", param, "invalid_type");

    public static OpenAiRequestException InvalidValue(string param, string value, IEnumerable<string> supported)
        => new(
            StatusCodes.Status400BadRequest,
            $"Invalid value: '{value}'. Supported values are: {string.Join(", ", supported.Select(s => $"'{s}'"))}.",
            param,
            "invalid_value");

    public static OpenAiRequestException BelowMinimum(string param, long minimum)
        => new(
            StatusCodes.Status400BadRequest,
            $"Invalid '{param}': integer below minimum value. Expected a value >= {minimum}.",
            param,
            "integer_below_min_value");

    public static OpenAiRequestException AboveMaximum(string param, long maximum)
        => new(
            StatusCodes.Status400BadRequest,
            $"Invalid '{param}': integer above maximum value. Expected a value <= {maximum}.",
            param,
            "integer_above_max_value");
}
