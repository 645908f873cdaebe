using KonnectAspire.Konnect.Api;

namespace KonnectAspire.Konnect.Tests.Api;

public sealed class KonnectAccessTokenTests
{
    [Theory]
    [InlineData("kpat_abc123", false)]
    [InlineData("spat_abc123\n", true)]
    public void Personal_and_system_account_tokens_are_accepted(string value, bool systemAccount)
        => Assert.Equal(systemAccount, KonnectAccessToken.Parse(value).IsSystemAccount);

    [Theory]
    [InlineData(null, "No Konnect token")]
    [InlineData("   ", "No Konnect token")]
    [InlineData("Bearer kpat_secret9", "does not start with kpat_")]
    [InlineData("ghp_secret9", "does not start with kpat_")]
    [InlineData("kpat_", "cut short")]
    [InlineData("kpat_sec ret9", "cut short or contains spaces")]
    public void A_bad_token_gets_a_clear_error_that_never_repeats_it(string? value, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => KonnectAccessToken.Parse(value, "KONNECT_TOKEN"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("KONNECT_TOKEN", error.Message, StringComparison.Ordinal);
        Assert.Contains("Generate token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_token_never_shows_in_its_text_form()
        => Assert.Equal("kpat_*** (personal access token)", KonnectAccessToken.Parse("kpat_secret9").ToString());
}
