using KonnectAspire.Konnect.Http;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>
/// One HTTP request through the load balancer, repeated with backoff until something answers: a new NLB's DNS name
/// takes minutes to resolve and its targets a while to turn healthy, and nothing in the cluster announces either.
/// </summary>
public sealed class GatewayProbe(HttpClient http)
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaximumDelay = TimeSpan.FromSeconds(15);

    public async Task<GatewayAnswer> ProbeAsync(Uri uri, Action<string> onAttempt, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attempt.CancelAfter(AttemptTimeout);
                try
                {
                    using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
                    // Only the start of the answer is shown.
                    var body = await BoundedHttpContent.ReadStartAsync(response.Content, 4096, attempt.Token).ConfigureAwait(false);
                    var start = body.Length > 200 ? body[..200] + "…" : body;
                    return new GatewayAnswer(uri, (int)response.StatusCode, response.ReasonPhrase, start.ReplaceLineEndings(" ").Trim());
                }
                catch (HttpRequestException e)
                {
                    onAttempt($"no answer yet ({e.Message}); trying again in {Durations.Format(delay)}");
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    onAttempt($"no answer within {Durations.Format(AttemptTimeout)}; trying again in {Durations.Format(delay)}");
                }
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaximumDelay.Ticks));
        }
    }
}
