using System.Text;
using System.Text.Json.Nodes;
using KonnectAspire.Provisioner.Cli;

namespace KonnectAspire.Provisioner.Tests.Commands.Cluster;

public sealed class DashboardTokenSecretTests : FakeClusterTests
{
    private const string SecretPath = "api/v1/namespaces/kong/secrets/aspire-dashboard";

    [Fact]
    public async Task Deploy_makes_the_dashboard_token_secret_with_a_random_token_before_the_dashboard_and_never_prints_it()
    {
        var exit = await Cli.InvokeAsync("deploy", Cli.PublishOutput("dashboard"), "--no-wait");

        Assert.True(exit == ExitCodes.Success, Cli.Transcript);
        var applied = Server.Requests.Where(r => r.IsApply).Select(r => r.Path).ToList();
        Assert.True(applied.IndexOf(SecretPath) is >= 0 and var secret && secret < applied.IndexOf("apis/apps/v1/namespaces/kong/deployments/aspire-dashboard"), string.Join("\n", applied));
        var token = Encoding.UTF8.GetString(Convert.FromBase64String(Server.Get(SecretPath)!["data"]!["browser-token"]!.GetValue<string>()));
        Assert.Matches("^[0-9a-f]{64}$", token);
        Assert.DoesNotContain(token, Cli.Transcript, StringComparison.Ordinal);
        Assert.Contains("kubectl -n kong get secret aspire-dashboard -o jsonpath='{.data.browser-token}' | base64 -d", Cli.Transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dashboard_token_secret_already_on_the_cluster_is_kept()
    {
        Server.Seed(SecretPath, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = "aspire-dashboard", ["namespace"] = "kong" },
            ["type"] = "Opaque",
            ["data"] = new JsonObject { ["browser-token"] = Convert.ToBase64String("chosen-by-me"u8.ToArray()) },
        });

        var exit = await Cli.InvokeAsync("deploy", Cli.PublishOutput("dashboard"), "--no-wait");

        Assert.True(exit == ExitCodes.Success, Cli.Transcript);
        Assert.DoesNotContain(Server.Requests, r => r.IsApply && r.Path == SecretPath);
    }
}
