using System.Text.Json;
using System.Text.Json.Serialization;

namespace KonnectAspire.Konnect.Gateway;

/// <summary>
/// A route's match list (paths, methods, hosts), where empty means "match any": Kong stores that as null, so an empty
/// list is written as null and a null is read as an empty list.
/// </summary>
internal sealed class MatchAnyListConverter : JsonConverter<IList<string>>
{
    public override bool HandleNull => true;

    public override IList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return [];
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException("a match list is an array of strings");

        var values = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            values.Add(reader.GetString() ?? throw new JsonException("a match list holds strings only"));
        return values;
    }

    public override void Write(Utf8JsonWriter writer, IList<string> value, JsonSerializerOptions options)
    {
        if (value is null || value.Count == 0)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartArray();
        foreach (var item in value)
            writer.WriteStringValue(item);
        writer.WriteEndArray();
    }
}
