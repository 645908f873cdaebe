using System.Collections.Concurrent;
using System.Diagnostics;

namespace KonnectAspire.Provisioner.Commands.LoadTest;

/// <summary>
/// Open-loop load: request i is due at i/rate seconds, whatever happened to the ones before (so a slow gateway shows
/// as latency, not as a lower rate), with at most Concurrency requests in flight; none leaves before it is due. A
/// request waits for a free slot at most until the hard end of the run, Duration + RequestTimeout, which nothing
/// outlives; those still waiting then are counted as dropped.
/// </summary>
internal sealed class LoadTestRunner(HttpClient http)
{
    // Waiting less than this costs more in timer wake-up than it saves in precision.
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(1);

    private int _sent;
    private int _completed;

    public int SentCount => Volatile.Read(ref _sent);

    public int CompletedCount => Volatile.Read(ref _completed);

    public async Task<LoadTestResult> RunAsync(LoadTestOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        run.CancelAfter(options.Duration + options.RequestTimeout);
        using var slots = new SemaphoreSlim(options.Concurrency);
        var clock = Stopwatch.StartNew();
        var samples = new ConcurrentQueue<RequestSample>();
        var inFlight = new List<Task>(options.Planned);
        var dropped = 0;
        var lastSent = TimeSpan.Zero;
        for (var i = 0; i < options.Planned; i++)
        {
            var due = options.DueAt(i);
            try
            {
                TimeSpan wait;
                while ((wait = due - clock.Elapsed) > TimeSpan.Zero)
                {
                    if (wait > MinimumWait)
                    {
                        await Task.Delay(wait, run.Token).ConfigureAwait(false);
                    }
                    else
                    {
                        await Task.Yield();
                    }
                }

                await slots.WaitAsync(run.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                dropped = options.Planned - i;
                break;
            }

            lastSent = clock.Elapsed;
            Interlocked.Increment(ref _sent);
            var sentAt = lastSent;
            inFlight.Add(Task.Run(() => SendAsync(options, due, sentAt, clock, slots, samples, run.Token), CancellationToken.None));
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return new LoadTestResult(options, samples.OrderBy(s => s.DueAt).ToList(), dropped, lastSent, clock.Elapsed, []);
    }

    private async Task SendAsync(LoadTestOptions options, TimeSpan due, TimeSpan sentAt, Stopwatch clock, SemaphoreSlim slots, ConcurrentQueue<RequestSample> samples, CancellationToken cancellationToken)
    {
        var status = 0;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.RequestTimeout);
            using var response = await http.GetAsync(options.Target, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            // No answer: counted as failed with status 0, and left out of the latency percentiles.
        }
        catch (OperationCanceledException)
        {
            // Timed out (or the run ended): same as no answer.
        }
        finally
        {
            samples.Enqueue(new RequestSample(due, sentAt, clock.Elapsed - sentAt, status));
            slots.Release();
            Interlocked.Increment(ref _completed);
        }
    }
}
