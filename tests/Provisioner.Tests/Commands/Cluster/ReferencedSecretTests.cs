using System.Text;
using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Kubernetes;
using KonnectAspire.Provisioner.Cli;
using KonnectAspire.Deployment.Konnect;

namespace KonnectAspire.Provisioner.Tests.Commands.Cluster;

public sealed class ReferencedSecretTests : FakeClusterTests
{
    private const string ProviderKey = "Bearer sk-test-0123456789abcdefghij";
    private const string WorkloadKey = "sk-workload-abcdefghij0123456789";
    private const string AiCredentialsPath = "api/v1/namespaces/kong/secrets/kong-ai-credentials";
    private const string WorkloadSecretPath = "api/v1/namespaces/kong/secrets/sample-secrets";

    [Theory]
    [InlineData("deploy")]
    [InlineData("diff")]
    public async Task A_secret_the_manifests_read_that_is_nowhere_stops_before_anything_is_applied_and_names_each_fix(string verb)
    {
        var output = Cli.PublishOutput("references");

        var exit = await (verb == "deploy" ? Cli.InvokeAsync(verb, output, "--no-wait") : Cli.InvokeAsync(verb, output));

        Assert.Equal(ExitCodes.PreconditionFailed, exit);
        Assert.Contains("nothing was applied", Cli.Transcript, StringComparison.Ordinal);
        Assert.Contains("- Secret kong/kong-ai-credentials, key ai-llm-auth (read by KongPlugin kong/llm-ai-proxy)", Cli.Transcript, StringComparison.Ordinal);
        Assert.Contains("--secret-from-env kong-ai-credentials/ai-llm-auth=AI_LLM_AUTH", Cli.Transcript, StringComparison.Ordinal);
        Assert.Contains("kubectl -n kong create secret generic kong-ai-credentials --from-literal=ai-llm-auth=<value>", Cli.Transcript, StringComparison.Ordinal);
        Assert.Contains("- Secret kong/sample-secrets, key openai-api-key (read by Deployment kong/sample)", Cli.Transcript, StringComparison.Ordinal);
        Assert.Contains("--secret-from-file sample-secrets/openai-api-key=<file>", Cli.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("sample-optional", Cli.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(Server.Requests, r => r.IsApply);
    }

    [Fact]
    public async Task Secrets_already_on_the_cluster_let_deploy_go_on_and_are_left_alone()
    {
        Server.Seed(AiCredentialsPath, Secret("kong-ai-credentials", "ai-llm-auth"));
        Server.Seed(WorkloadSecretPath, Secret("sample-secrets", "openai-api-key"));

        var exit = await Cli.InvokeAsync("deploy", Cli.PublishOutput("references"), "--no-wait");

        Assert.True(exit == ExitCodes.Success, Cli.Transcript);
        Assert.Contains(Server.Requests, r => r.IsApply && r.Path == "apis/apps/v1/namespaces/kong/deployments/sample");
        Assert.DoesNotContain(Server.Requests, r => r.IsApply && r.Path.Contains("/secrets/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_secret_on_the_cluster_without_the_key_read_is_named_with_a_patch_that_adds_it()
    {
        Server.Seed(AiCredentialsPath, Secret("kong-ai-credentials", "ai-other-auth"));
        Server.Seed(WorkloadSecretPath, Secret("sample-secrets", "openai-api-key"));

        var exit = await Cli.InvokeAsync("deploy", Cli.PublishOutput("references"), "--no-wait");

        Assert.Equal(ExitCodes.PreconditionFailed, exit);
        Assert.Contains("- Secret kong/kong-ai-credentials exists on the cluster but has no key ai-llm-auth", Cli.Transcript, StringComparison.Ordinal);
        Assert.Contains("kubectl -n kong patch secret kong-ai-credentials --type merge -p '{\"stringData\":{\"ai-llm-auth\":\"<value>\"}}'", Cli.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("sample-secrets", Cli.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(Server.Requests, r => r.IsApply);
    }

    [Fact]
    public async Task Secrets_from_the_environment_and_a_file_are_applied_before_the_workloads_and_never_printed()
    {
        Cli.WithEnvironment("AI_LLM_AUTH", ProviderKey);
        var keyFile = Path.Combine(Cli.WorkingDirectory, "openai-api-key.txt");
        File.WriteAllText(keyFile, WorkloadKey + "\n");

        var exit = await Cli.InvokeAsync(
            "deploy", Cli.PublishOutput("references"), "--no-wait",
            "--secret-from-env", "kong-ai-credentials/ai-llm-auth=AI_LLM_AUTH",
            "--secret-from-file", $"sample-secrets/openai-api-key={keyFile}");

        Assert.True(exit == ExitCodes.Success, Cli.Transcript);
        var applied = Server.Requests.Where(r => r.IsApply).Select(r => r.Path).ToList();
        Assert.True(applied.IndexOf(AiCredentialsPath) < applied.IndexOf("apis/configuration.konghq.com/v1/namespaces/kong/kongplugins/llm-ai-proxy"), string.Join("\n", applied));
        Assert.True(applied.IndexOf(WorkloadSecretPath) < applied.IndexOf("apis/apps/v1/namespaces/kong/deployments/sample"), string.Join("\n", applied));
        Assert.Equal(ProviderKey, Value(Server.Get(AiCredentialsPath)!, "ai-llm-auth"));
        var workloadSecret = Server.Get(WorkloadSecretPath)!;
        Assert.Equal(WorkloadKey, Value(workloadSecret, "openai-api-key"));
        Assert.Equal("Opaque", workloadSecret["type"]!.GetValue<string>());
        Assert.Equal(KonnectKubernetesNames.FieldManager, workloadSecret["metadata"]!["labels"]![KonnectClusterManifest.ManagedByLabel]!.GetValue<string>());
        Assert.Contains("applied Secret kong/kong-ai-credentials (created by the provisioner)", Cli.Transcript, StringComparison.Ordinal);
        foreach (var secret in new[] { ProviderKey, WorkloadKey })
        {
            Assert.DoesNotContain(secret, Cli.Transcript, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)), Cli.Transcript, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Diff_shows_a_secret_from_the_environment_as_created_with_its_value_hidden()
    {
        Cli.WithEnvironment("AI_LLM_AUTH", ProviderKey).WithEnvironment("OPENAI_API_KEY", WorkloadKey);

        var exit = await Cli.InvokeAsync(
            "diff", Cli.PublishOutput("references"),
            "--secret-from-env", "kong-ai-credentials/ai-llm-auth=AI_LLM_AUTH",
            "--secret-from-env", "sample-secrets/openai-api-key=OPENAI_API_KEY");

        Assert.Equal(ExitCodes.DifferencesFound, exit);
        Assert.Contains("+ create Secret kong/kong-ai-credentials", Cli.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(ProviderKey, Cli.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(WorkloadKey, Cli.Transcript, StringComparison.Ordinal);
        Assert.All(Server.Requests.Where(r => r.IsApply), r => Assert.True(r.IsDryRun));
    }

    [Theory]
    [InlineData("--secret-from-env", "kong-ai-credential/ai-llm-auth=AI_LLM_AUTH", "so it would not be used. The manifests read: kong-ai-credentials, sample-secrets.")]
    [InlineData("--secret-from-env", "kong-ai-credentials/ai-llm-key=AI_LLM_AUTH", "of Secret kong-ai-credentials. The keys read are: ai-llm-auth.")]
    [InlineData("--secret-from-env", "kong-ai-credentials/ai-llm-auth=UNSET_VARIABLE", "$UNSET_VARIABLE is not set or empty.")]
    [InlineData("--secret-from-file", "kong-ai-credentials/ai-llm-auth=missing.txt", "--secret-from-file kong-ai-credentials/ai-llm-auth=…: there is no file at the path given")]
    [InlineData("--secret-from-env", "kong-ai-credentials=AI_LLM_AUTH", "--secret-from-env expects NAME/KEY=VARIABLE, e.g. --secret-from-env kong-ai-credentials/ai-llm-auth=AI_LLM_AUTH")]
    [InlineData("--secret-from-env", "konnect-api-token/token=AI_LLM_AUTH", "deploy makes Secret konnect-api-token itself")]
    public async Task A_secret_option_that_does_not_fit_the_manifests_is_bad_input_before_anything_is_applied(string option, string value, string message)
    {
        Cli.WithEnvironment("AI_LLM_AUTH", ProviderKey);

        var exit = await Cli.InvokeAsync("deploy", Cli.PublishOutput("references"), "--no-wait", option, value);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.True(Cli.Transcript.Contains(message, StringComparison.Ordinal), Cli.Transcript);
        Assert.DoesNotContain(ProviderKey, Cli.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(Server.Requests, r => r.IsApply);
    }

    private static JsonObject Secret(string name, string key) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "kong" },
        ["type"] = "Opaque",
        ["data"] = new JsonObject { [key] = Convert.ToBase64String("set by hand"u8.ToArray()) },
    };

    private static string Value(JsonObject secret, string key) =>
        Encoding.UTF8.GetString(Convert.FromBase64String(secret["data"]![key]!.GetValue<string>()));
}
