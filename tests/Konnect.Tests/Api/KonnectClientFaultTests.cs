using System.Net;
using KonnectAspire.Konnect.Api;
using KonnectAspire.Konnect.Gateway;
using KonnectAspire.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KonnectAspire.Konnect.Tests.Api;

public sealed class KonnectClientFaultTests
{
    private const string Token = "kpat_fault0test0secret0value";
    private static readonly Guid ControlPlaneId = Guid.Parse("7f9fd312-a987-4628-b4c5-bb4f4fddd5f7");
    private static readonly string ControlPlaneJson =
        $$$"""{"id":"{{{ControlPlaneId}}}","name":"demo","description":"","labels":{},"config":{"control_plane_endpoint":"https://abc.us.cp.konghq.com","telemetry_endpoint":"https://abc.us.tp0.konghq.com"}}""";

    [Fact]
    public async Task A_throttled_call_waits_as_Retry_After_says_and_then_succeeds()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/control-planes/{id}", (HttpContext context) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.Headers.RetryAfter = "1";
                return Results.StatusCode(429);
            }

            return Results.Text(ControlPlaneJson, "application/json");
        }));
        var retries = new List<KonnectRetryEvent>();
        using var client = Client(server, o => o with { OnRetry = retries.Add });

        var controlPlane = await client.GetControlPlaneAsync(ControlPlaneId);

        Assert.Equal("demo", controlPlane.Name);
        var retry = Assert.Single(retries);
        Assert.Equal(429, retry.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), retry.Delay);
        Assert.Equal("get control plane", retry.Operation);
    }

    [Fact]
    public async Task A_server_error_on_a_read_is_retried_and_the_next_answer_used()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/control-planes/{id}", () =>
            Interlocked.Increment(ref calls) == 1 ? Results.StatusCode(500) : Results.Text(ControlPlaneJson, "application/json")));
        using var client = Client(server);

        var controlPlane = await client.GetControlPlaneAsync(ControlPlaneId);

        Assert.Equal(ControlPlaneId, controlPlane.Id);
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task A_create_that_fails_with_a_server_error_is_not_sent_twice()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/control-planes", () => Results.StatusCode(500)));
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<KonnectApiException>(() => client.CreateControlPlaneAsync(new KonnectControlPlaneRequest { Name = "demo" }));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task A_call_that_gets_no_answer_times_out_with_a_clear_message_after_retrying()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/control-planes/{id}", async (HttpContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            return Results.Ok();
        }));
        using var client = Client(server, o => o with { AttemptTimeout = TimeSpan.FromMilliseconds(200), MaxRetryAttempts = 1 });

        var error = await Assert.ThrowsAsync<KonnectApiException>(() => client.GetControlPlaneAsync(ControlPlaneId));

        Assert.Null(error.StatusCode);
        Assert.Contains("did not answer 'get control plane' in time", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task A_rejected_token_fails_at_once_saying_how_to_create_one_without_echoing_it()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/control-planes", () =>
            Results.Json(new { status = 401, title = "Unauthorized", detail = "Invalid credentials" }, statusCode: 401)));
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<KonnectApiException>(() => client.FindControlPlaneByNameAsync("demo"));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("rejected the token", error.Message, StringComparison.Ordinal);
        Assert.Contains("Personal access tokens > Generate token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, server.Requests);
    }

    [Theory]
    [InlineData(403, "Control Plane Admin role")]
    [InlineData(404, "it was deleted")]
    public async Task Forbidden_and_not_found_say_what_to_do(int status, string expected)
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/control-planes/{id}", () => Results.StatusCode(status)));
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<KonnectApiException>(() => client.GetControlPlaneAsync(ControlPlaneId));

        Assert.Equal(status, (int)error.StatusCode!);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_already_taken_says_so()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/control-planes", () =>
            Results.Json(new { status = 409, title = "Conflict", detail = "Key (org_id, name) already exists." }, statusCode: 409)));
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<KonnectApiException>(() => client.CreateControlPlaneAsync(new KonnectControlPlaneRequest { Name = "demo" }));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Contains("'demo' is already taken", error.Message, StringComparison.Ordinal);
        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_control_plane_created_by_someone_else_between_find_and_create_is_used()
    {
        var finds = 0;
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/control-planes", () => Results.Text(
                Interlocked.Increment(ref finds) == 1 ? """{"meta":{"page":{"number":1,"size":100,"total":0}},"data":[]}""" : $$$"""{"data":[{{{ControlPlaneJson}}}]}""",
                "application/json"));
            app.MapPost("/control-planes", () => Results.StatusCode(409));
        });
        using var client = Client(server);

        var (controlPlane, created) = await client.FindOrCreateControlPlaneAsync(new KonnectControlPlaneRequest { Name = "demo" });

        Assert.Equal(ControlPlaneId, controlPlane.Id);
        Assert.False(created);
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_fails_with_a_clear_message()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/control-planes", () => Results.StatusCode(429)));
        using var client = Client(server, o => o with { MaxRetryAttempts = 2 });

        var error = await Assert.ThrowsAsync<KonnectApiException>(() => client.FindControlPlaneByNameAsync("demo"));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Contains("kept throttling", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests);
    }

    [Theory]
    [InlineData("3600", "asked to wait 60 min (Retry-After)")]
    [InlineData("180", "asked to wait 3 min (Retry-After)")]
    public async Task A_Retry_After_longer_than_the_call_may_take_ends_at_once_naming_the_429_and_the_wait(string retryAfter, string message)
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/control-planes", (HttpContext context) =>
        {
            context.Response.Headers.RetryAfter = retryAfter;
            return Results.StatusCode(429);
        }));
        var retries = new List<KonnectRetryEvent>();
        using var client = Client(server, o => o with { OnRetry = retries.Add, TotalTimeout = TimeSpan.FromMinutes(3) });

        var error = await Assert.ThrowsAsync<KonnectApiException>(() => client.FindControlPlaneByNameAsync("demo"));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Contains("Konnect throttled 'find control plane", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("longer than this call may take (3 min)", error.Message, StringComparison.Ordinal);
        Assert.Empty(retries);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task Cancelling_a_call_cancels_it_instead_of_reporting_a_failure()
    {
        var arrived = new TaskCompletionSource();
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/control-planes/{id}", async (HttpContext context) =>
        {
            arrived.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            return Results.Ok();
        }));
        using var client = Client(server);
        using var cancellation = new CancellationTokenSource();

        var call = client.GetControlPlaneAsync(ControlPlaneId, cancellation.Token);
        await arrived.Task;
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task The_core_entity_store_lists_like_the_admin_api_under_the_control_plane_and_follows_offsets()
    {
        var paths = new List<string>();
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/control-planes/{id}/core-entities/services", (HttpRequest request, string? offset) =>
        {
            paths.Add(request.Path + request.QueryString);
            return Results.Text(offset is null
                ? """{"data":[{"id":"a","name":"a","host":"a","tags":["mine"]},{"id":"x","name":"hand-made","host":"x"}],"next":"/next","offset":"page2"}"""
                : """{"data":[{"id":"b","name":"b","host":"b","tags":["mine"]}],"next":null,"offset":null}""", "application/json");
        }));
        using var client = Client(server);

        var services = await client.EntityStore(ControlPlaneId).ListTaggedAsync(GatewayEntityKind.Service, "mine", CancellationToken.None);

        // The hand-made service lacks the tag: whatever the server's filter did, it is never taken as owned.
        Assert.Equal(["a", "b"], services.Select(s => s["name"]!.GetValue<string>()));
        Assert.Equal(
            [$"/control-planes/{ControlPlaneId}/core-entities/services?size=1000&tags=mine", $"/control-planes/{ControlPlaneId}/core-entities/services?size=1000&tags=mine&offset=page2"],
            paths);
    }

    [Fact]
    public async Task A_core_entity_answer_that_is_not_json_names_the_operation_and_the_base_url()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/control-planes/{id}/core-entities/routes", () => Results.Text("<html>proxy login</html>", "text/html")));
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<KonnectApiException>(() => client.EntityStore(ControlPlaneId).ListTaggedAsync(GatewayEntityKind.Route, "mine", CancellationToken.None));

        Assert.Contains("Konnect's answer to 'list routes' is not the JSON the Control Planes v2 API documents", error.Message, StringComparison.Ordinal);
        Assert.Contains(server.BaseAddress.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_without_end_is_cut_off_at_the_bound_instead_of_filling_memory()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/control-planes", async (HttpContext context) =>
        {
            var chunk = new byte[64 * 1024];
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        }));
        using var client = Client(server, options => options with { MaxRetryAttempts = 0 });

        var error = await Assert.ThrowsAsync<KonnectApiException>(() => client.FindControlPlaneByNameAsync("kong", CancellationToken.None));

        Assert.Contains("Konnect's answer to 'find control plane", error.Message, StringComparison.Ordinal);
        Assert.Contains("(the answer goes on past the 16777216 bytes it may be)", error.Message, StringComparison.Ordinal);
    }

    private static KonnectClient Client(LoopbackServer server, Func<KonnectClientOptions, KonnectClientOptions>? configure = null)
    {
        var options = new KonnectClientOptions
        {
            Token = KonnectAccessToken.Parse(Token),
            BaseAddress = server.BaseAddress,
            RetryDelay = TimeSpan.FromMilliseconds(10),
            AttemptTimeout = TimeSpan.FromSeconds(10),
        };
        return new KonnectClient(configure is null ? options : configure(options));
    }
}
