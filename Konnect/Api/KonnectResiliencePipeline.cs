using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace KonnectAspire.Konnect.Api;

/// <summary>
/// Retries and timeouts for Konnect calls. Throttling (429) is retried for every method, honouring Retry-After;
/// 5xx answers, timeouts and network failures only for idempotent methods, except a 503 (not processed), so that a
/// create is never sent twice.
/// </summary>
internal static class KonnectResiliencePipeline
{
    /// <summary>What a request does ("create control plane"), carried on the request for retry notices.</summary>
    internal static readonly HttpRequestOptionsKey<string> Operation = new("konnect.operation");

    public static ResiliencePipeline<HttpResponseMessage> Create(KonnectClientOptions options)
    {
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, options.MaxRetryAttempts),
            Delay = options.RetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            // Konnect's Retry-After is honoured up to the call's budget; a longer one is not retried at all (below).
            MaxDelay = options.TotalTimeout,
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options)),
            OnRetry = args =>
            {
                var operation = args.Context.GetRequestMessage()?.Options.TryGetValue(Operation, out var name) == true ? name : "call Konnect";
                options.OnRetry?.Invoke(new KonnectRetryEvent(
                    args.AttemptNumber + 1, args.RetryDelay, (int?)args.Outcome.Result?.StatusCode, operation));
                return default;
            },
        };

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxRetryAttempts <= 0)
        {
            return builder.AddTimeout(options.AttemptTimeout).Build();
        }

        return builder
            .AddTimeout(options.TotalTimeout)
            .AddRetry(retry)
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    /// <summary>The wait a throttling (429) or unavailable (503) answer asks for, from its <c>Retry-After</c>; null when it names none.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta;
        return header?.Date is { } date ? date - time.GetUtcNow() : null;
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, KonnectClientOptions options)
    {
        var method = context.GetRequestMessage()?.Method ?? outcome.Result?.RequestMessage?.Method;
        var idempotent = method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Head;
        if (outcome.Result is { } response)
        {
            var status = (int)response.StatusCode;

            // Waiting longer than the call may take would only end in a timeout that hides Konnect's answer.
            if (RetryAfter(response, TimeProvider.System) >= options.TotalTimeout)
                return false;
            return response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
                || (idempotent && (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout));
        }

        return idempotent && outcome.Exception is TimeoutRejectedException or HttpRequestException;
    }
}
