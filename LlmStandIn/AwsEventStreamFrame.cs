using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using System.Text.Json.Nodes;

namespace KonnectAspire.LlmStandIn;

/// <summary>
/// One message of the AWS event-stream encoding (application/vnd.amazon.eventstream), which Bedrock's converse-stream
/// answers in: total length, headers length and the CRC32 of those 8 bytes, the headers (string-typed here), the JSON
/// payload, and the CRC32 of everything before it; integers big-endian.
/// </summary>
internal static class AwsEventStreamFrame
{
    public const string ContentType = "application/vnd.amazon.eventstream";

    private const byte StringHeaderType = 7;

    /// <summary>An <c>event</c> message of <paramref name="eventType"/> (messageStart, contentBlockDelta, …) carrying <paramref name="payload"/>.</summary>
    public static byte[] Event(string eventType, JsonObject payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        ArgumentNullException.ThrowIfNull(payload);
        var headers = Headers([(":event-type", eventType), (":content-type", "application/json"), (":message-type", "event")]);
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        var total = 12 + headers.Length + body.Length + 4;

        var frame = new byte[total];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(0), (uint)total);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)headers.Length);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(8), Crc32.HashToUInt32(frame.AsSpan(0, 8)));
        headers.CopyTo(frame, 12);
        body.CopyTo(frame, 12 + headers.Length);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(total - 4), Crc32.HashToUInt32(frame.AsSpan(0, total - 4)));
        return frame;
    }

    private static byte[] Headers(IEnumerable<(string Name, string Value)> headers)
    {
        using var buffer = new MemoryStream();
        Span<byte> length = stackalloc byte[2];
        foreach (var (name, value) in headers)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            var valueBytes = Encoding.UTF8.GetBytes(value);
            buffer.WriteByte((byte)nameBytes.Length);
            buffer.Write(nameBytes);
            buffer.WriteByte(StringHeaderType);
            BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)valueBytes.Length);
            buffer.Write(length);
            buffer.Write(valueBytes);
        }

        return buffer.ToArray();
    }
}
