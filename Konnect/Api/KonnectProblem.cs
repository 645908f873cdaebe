using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Http;

namespace KonnectAspire.Konnect.Api;

/// <summary>Reads the human part of a Konnect error body (problem+json <c>detail</c>, Kong's <c>message</c>, field reasons).</summary>
internal static class KonnectProblem
{
    private const int MaxLength = 600;

    // An error answer is quoted in part only; its start is all that is read.
    private const int MaxErrorBytes = 64 * 1024;

    public static async Task<string?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await BoundedHttpContent.ReadStartAsync(response.Content, MaxErrorBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) is JsonObject body ? Describe(body) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Describe(JsonObject body)
    {
        var parts = new List<string>();
        foreach (var key in new[] { "detail", "message", "title" })
        {
            if (body[key] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text))
            {
                parts.Add(text.Trim());
                break;
            }
        }

        // Konnect lists bad fields in invalid_parameters; a validating mock (Prism) in validation.
        foreach (var listName in new[] { "invalid_parameters", "validation" })
        {
            if (body[listName] is not JsonArray items)
            {
                continue;
            }

            foreach (var item in items.OfType<JsonObject>())
            {
                var field = item["field"]?.ToString() ?? string.Join('.', (item["location"] as JsonArray)?.Select(n => n?.ToString()) ?? []);
                var reason = item["reason"]?.ToString() ?? item["message"]?.ToString();
                parts.Add(string.IsNullOrEmpty(field) ? $"{reason}" : $"{field}: {reason}");
            }
        }

        if (parts.Count == 0)
        {
            return null;
        }

        var joined = new StringBuilder(string.Join("; ", parts));
        return joined.Length > MaxLength ? joined.ToString(0, MaxLength) + "…" : joined.ToString();
    }
}
