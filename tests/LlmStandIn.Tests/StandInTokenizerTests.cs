namespace KonnectAspire.LlmStandIn.Tests;

public class StandInTokenizerTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("   \n\t", 0)]
    [InlineData("Kong", 1)]
    [InlineData("tokenizer", 3)]
    [InlineData("Hello, world!", 6)]
    [InlineData("v3.9.3", 5)]
    [InlineData("naïve café", 3)]
    [InlineData("👍👍", 2)]
    public void Counts_follow_the_documented_rule(string text, int tokens)
        => Assert.Equal(tokens, StandInTokenizer.Count(text));

    [Fact]
    public void Tokens_are_ranges_of_the_text_without_whitespace()
    {
        var text = "Hello, world!";

        var pieces = StandInTokenizer.Tokenize(text).Select(range => text[range]);

        Assert.Equal(["Hell", "o", ",", "worl", "d", "!"], pieces);
    }

    [Fact]
    public void Words_are_lower_cased_letter_and_digit_runs()
        => Assert.Equal(["what", "is", "kong", "3", "9"], StandInTokenizer.Words("What is Kong 3.9?"));

    [Fact]
    public void A_text_of_symbols_only_uses_its_symbols_as_words()
        => Assert.Equal(["?", "!"], StandInTokenizer.Words("? !"));
}
