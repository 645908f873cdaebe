using System.Text;

namespace KonnectAspire.LlmStandIn;

/// <summary>
/// The stand-in's tokenizer, a documented rule rather than a real model vocabulary, so usage numbers are exact and
/// reproducible: whitespace separates and is never a token; a run of letters and digits is one token per started
/// <see cref="MaxWordPieceLength"/> characters ("tokenizer" = "toke" + "nize" + "r" = 3 tokens); every other
/// character (punctuation, symbols, emoji) is one token. "Hello, world!" is 6 tokens: "Hell", "o", ",", "worl",
/// "d", "!".
/// </summary>
/// <remarks>
/// Four characters a token is close to what OpenAI's tokenizers average on English text, so rate limits measured
/// against the stand-in are in the right range.
/// </remarks>
internal static class StandInTokenizer
{
    public const int MaxWordPieceLength = 4;

    /// <summary>The tokens of <paramref name="text"/> as ranges of it, in order, without the whitespace between them.</summary>
    public static IReadOnlyList<Range> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Range>();
        var index = 0;
        while (index < text.Length)
        {
            var rune = Rune.GetRuneAt(text, index);
            if (Rune.IsWhiteSpace(rune))
            {
                index += rune.Utf16SequenceLength;
                continue;
            }

            if (!Rune.IsLetterOrDigit(rune))
            {
                tokens.Add(index..(index + rune.Utf16SequenceLength));
                index += rune.Utf16SequenceLength;
                continue;
            }

            var start = index;
            var runes = 0;
            while (index < text.Length && Rune.IsLetterOrDigit(rune = Rune.GetRuneAt(text, index)))
            {
                if (runes == MaxWordPieceLength)
                {
                    tokens.Add(start..index);
                    start = index;
                    runes = 0;
                }

                index += rune.Utf16SequenceLength;
                runes++;
            }

            tokens.Add(start..index);
        }

        return tokens;
    }

    /// <summary>How many tokens <paramref name="text"/> is.</summary>
    public static int Count(string text) => Tokenize(text).Count;

    /// <summary>
    /// The words of <paramref name="text"/> (maximal runs of letters and digits, lower-cased), or its symbols when it
    /// has no word: the features the stand-in's embeddings are made of.
    /// </summary>
    public static IReadOnlyList<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var symbols = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                word.Append(Rune.ToLowerInvariant(rune).ToString());
                continue;
            }

            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }

            if (!Rune.IsWhiteSpace(rune))
            {
                symbols.Add(rune.ToString());
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words.Count > 0 ? words : symbols;
    }
}
