using KonnectAspire.Provisioner.Commands.LoadTest;
using KonnectAspire.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KonnectAspire.Provisioner.Tests.Commands.LoadTest;

[Collection(LoadCollection.Name)]
public sealed class LoadTestRunnerTests
{
    [Fact]
    public async Task The_rate_is_held_within_five_percent_and_dispatch_ends_with_the_duration()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.Run(context => context.Response.WriteAsync("ok")));
        using var http = new HttpClient();
        var options = new LoadTestOptions(server.BaseAddress, Rate: 100, Duration: TimeSpan.FromSeconds(3), Concurrency: 16, RequestTimeout: TimeSpan.FromSeconds(5));

        var result = await new LoadTestRunner(http).RunAsync(options, CancellationToken.None);

        Assert.Equal(300, options.Planned);
        Assert.Equal(options.Planned, result.Sent);
        Assert.Equal(0, result.Dropped);
        Assert.Equal(result.Sent, server.Requests);
        Assert.Equal(result.Sent, result.Succeeded);
        Assert.InRange(result.AchievedRate, 95, 105);
        // At 100 a second, request i is due i × 10 ms after the start; the last one at 2.99 s, inside the 3 s
        Assert.Equal(300, result.Samples.Count);
        Assert.All(result.Samples.Select((s, i) => (s.DueAt, Expected: TimeSpan.FromMilliseconds(10 * i))), due =>
            Assert.InRange(due.DueAt, due.Expected - TimeSpan.FromMicroseconds(1), due.Expected + TimeSpan.FromMicroseconds(1)));
        Assert.All(result.Samples, s => Assert.True(s.SentAt >= s.DueAt, $"request due at {s.DueAt} left early, at {s.SentAt}"));
        Assert.True(result.MaxSendDelay < options.Duration, $"the latest request left {result.MaxSendDelay} behind schedule");
        Assert.True(result.Elapsed <= options.Duration + options.RequestTimeout);
    }

    [Fact]
    public async Task Percentiles_come_from_the_samples_so_one_slow_answer_in_ten_lands_in_p99_and_not_in_p50()
    {
        var count = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.Run(async context =>
        {
            if (Interlocked.Increment(ref count) % 10 == 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300));
            }

            await context.Response.WriteAsync("ok");
        }));
        using var http = new HttpClient();
        var options = new LoadTestOptions(server.BaseAddress, Rate: 50, Duration: TimeSpan.FromSeconds(2), Concurrency: 32, RequestTimeout: TimeSpan.FromSeconds(5));

        var result = await new LoadTestRunner(http).RunAsync(options, CancellationToken.None);

        var latencies = result.Samples.Select(s => s.Latency).ToList();
        // The server's timer may fire a fraction of a millisecond before the client's stopwatch says 300 ms, and on a
        // loaded machine a fast answer (the first one, say) can be late too: every slow answer is counted, not only them.
        var slow = TimeSpan.FromMilliseconds(290);
        Assert.InRange(latencies.Count(l => l >= slow), 10, 20);
        Assert.True(result.Percentile(99) >= slow);
        Assert.True(result.Percentile(50) < slow);
    }

    [Fact]
    public async Task No_more_than_the_concurrency_is_in_flight_and_what_cannot_be_sent_in_time_is_dropped()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.Run(async context =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up on it (request timeout).
            }
        }));
        using var counting = new InFlightCountingHandler();
        using var http = new HttpClient(counting);
        var options = new LoadTestOptions(server.BaseAddress, Rate: 50, Duration: TimeSpan.FromSeconds(1), Concurrency: 4, RequestTimeout: TimeSpan.FromSeconds(1));

        var result = await new LoadTestRunner(http).RunAsync(options, CancellationToken.None);

        Assert.Equal(4, counting.Most);
        Assert.Equal(options.Planned, result.Sent + result.Dropped);
        Assert.InRange(result.Sent, 4, options.Planned - 1);
        Assert.Equal(result.Sent, result.Failed);
        Assert.Equal(result.Sent, result.StatusCodes[0]);
        Assert.Empty(result.Latencies);
        Assert.True(result.Elapsed <= options.Duration + options.RequestTimeout + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Error_answers_count_as_failed_with_their_status_codes()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        }));
        using var http = new HttpClient();
        var options = new LoadTestOptions(server.BaseAddress, Rate: 20, Duration: TimeSpan.FromSeconds(1), Concurrency: 4, RequestTimeout: TimeSpan.FromSeconds(5));

        var result = await new LoadTestRunner(http).RunAsync(options, CancellationToken.None);

        Assert.Equal(20, result.Failed);
        Assert.Equal(20, result.StatusCodes[503]);
        Assert.Equal(20, result.Latencies.Count);
    }
}
