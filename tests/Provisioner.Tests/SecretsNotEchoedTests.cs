using KonnectAspire.Provisioner.Cli;
using KonnectAspire.Provisioner.Tests.Commands.Cluster;

namespace KonnectAspire.Provisioner.Tests;

/// <summary>
/// A secret given where the command line expects something else (a variable name, a path, an option) must not be
/// printed back: every such shape is bad input whose output holds no part of the value, and nothing is sent.
/// </summary>
public sealed class SecretsNotEchoedTests : FakeClusterTests
{
    private const string Secret = "sk-proj-Leaky0Secret0Value0123456789";

    public static TheoryData<string[]> Shapes => new()
    {
        new[] { "--secret-from-env", $"ai-llm-auth={Secret}" },
        new[] { "--secret-from-env", $"kong-ai-credentials/ai-llm-auth={Secret}" },
        new[] { "--secret-from-env", $"kong-ai-credentials/{Secret}=AI_LLM_AUTH" },
        new[] { "--secret-from-env", $"{Secret}/ai-llm-auth=AI_LLM_AUTH" },
        new[] { $"--secret-from-env={Secret}" },
        new[] { "--secret-from-env", Secret },
        new[] { "--secret-from-file", $"kong-ai-credentials/ai-llm-auth={Secret}" },
        new[] { "--secret-from-file", Secret },
        new[] { "--token-file", Secret },
        new[] { Secret },
        new[] { "--llm-key", Secret },
        new[] { $"--llm-key={Secret}" },
        new[] { "--timeout", Secret },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task A_secret_in_the_wrong_place_is_bad_input_and_never_printed(string[] misplaced)
    {
        var output = Cli.PublishOutput("references");

        var exit = await Cli.InvokeAsync(["deploy", output, "--no-wait", .. misplaced]);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.False(string.IsNullOrWhiteSpace(Cli.Error), "an error is printed");
        Assert.DoesNotContain("Leaky0Secret", Cli.Transcript, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }

    [Theory]
    [InlineData("konnect", "up")]
    [InlineData("konnect", "status")]
    [InlineData("konnect", "down")]
    public async Task The_konnect_verbs_do_not_print_a_token_given_as_an_argument(string group, string verb)
    {
        var exit = await Cli.InvokeAsync(group, verb, "--token", Secret, "--base-url", "http://127.0.0.1:9/");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.DoesNotContain("Leaky0Secret", Cli.Transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_is_named_and_the_value_after_it_is_shown_by_position()
    {
        var exit = await Cli.InvokeAsync("deploy", Cli.PublishOutput("references"), "--llm-key", Secret);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("<argument 4>", Cli.Error, StringComparison.Ordinal);
        Assert.Contains("--help", Cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unset_variable_is_reported_before_any_call_to_the_cluster()
    {
        var exit = await Cli.InvokeAsync("deploy", Cli.PublishOutput("references"), "--no-wait", "--secret-from-env", "kong-ai-credentials/ai-llm-auth=UNSET_VARIABLE");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("$UNSET_VARIABLE is not set or empty", Cli.Transcript, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }
}
