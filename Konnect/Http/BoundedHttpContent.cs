using System.Globalization;
using System.Text;

namespace KonnectAspire.Konnect.Http;

/// <summary>
/// Reads an HTTP answer's body with a size bound, so that a server (or something pretending to be one) that sends
/// without end cannot exhaust memory: the declared length is checked before reading, and the bytes while reading.
/// </summary>
public static class BoundedHttpContent
{
    private const int ChunkBytes = 81_920;

    /// <summary>The whole body, or an <see cref="InvalidDataException"/> naming the bound once the body passes it.</summary>
    /// <param name="content">The answer's content.</param>
    /// <param name="maxBytes">The most bytes the body may have.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The body's bytes.</returns>
    public static async Task<byte[]> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        if (content.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            throw new InvalidDataException($"the answer is {declared.ToString(CultureInfo.InvariantCulture)} bytes, more than the {maxBytes.ToString(CultureInfo.InvariantCulture)} it may be");
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var body = new MemoryStream();
            var chunk = new byte[ChunkBytes];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    throw new InvalidDataException($"the answer goes on past the {maxBytes.ToString(CultureInfo.InvariantCulture)} bytes it may be");
                }

                body.Write(chunk, 0, read);
            }

            return body.ToArray();
        }
    }

    /// <summary>
    /// Reads the body of <paramref name="response"/> (sent with <see cref="HttpCompletionOption.ResponseHeadersRead"/>)
    /// within <paramref name="maxBytes"/> and <paramref name="timeout"/> and puts it back as buffered content with the
    /// same headers, as <see cref="HttpCompletionOption.ResponseContentRead"/> would have, but bounded. On any failure
    /// the response is disposed before the exception goes on.
    /// </summary>
    /// <param name="response">The answer, headers read.</param>
    /// <param name="maxBytes">The most bytes the body may have.</param>
    /// <param name="timeout">How long reading the body may take; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>A task that completes when the body is buffered.</returns>
    public static async Task BufferAsync(HttpResponseMessage response, int maxBytes, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (timeout != Timeout.InfiniteTimeSpan)
            {
                reading.CancelAfter(timeout);
            }

            var original = response.Content;
            var body = await ReadAsync(original, maxBytes, reading.Token).ConfigureAwait(false);
            var buffered = new ByteArrayContent(body);
            foreach (var (name, values) in original.Headers)
            {
                buffered.Headers.TryAddWithoutValidation(name, values);
            }

            response.Content = buffered;
            original.Dispose();
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// At most the first <paramref name="maxBytes"/> of the body as UTF-8 text, the rest left unread: for an error
    /// answer, which is only ever quoted in part.
    /// </summary>
    /// <param name="content">The answer's content.</param>
    /// <param name="maxBytes">The most bytes read.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The text of the bytes read.</returns>
    public static async Task<string> ReadStartAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[maxBytes];
            var filled = 0;
            int read;
            while (filled < maxBytes && (read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
            {
                filled += read;
            }

            return Encoding.UTF8.GetString(buffer, 0, filled);
        }
    }
}
