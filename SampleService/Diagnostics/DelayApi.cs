using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KonnectAspire.SampleService.Diagnostics;

/// <summary>GET /delay?ms=250: answers after the given time, for load tests through the gateway.</summary>
public static class DelayApi
{
    /// <summary>The path of the endpoint.</summary>
    public const string Path = "/delay";

    /// <summary>Maps GET /delay.</summary>
    public static IEndpointRouteBuilder MapDelayApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(Path, DelayAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<DelayResult>, ValidationProblem>> DelayAsync(
        string? ms, IOptions<DelayOptions> options, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var bounds = options.Value;
        var delay = bounds.DefaultMilliseconds;
        if (ms is not null && (!int.TryParse(ms, NumberStyles.None, CultureInfo.InvariantCulture, out delay) || delay > bounds.MaxMilliseconds))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["ms"] = [$"ms must be a whole number of milliseconds from 0 to {bounds.MaxMilliseconds}."] },
                title: "The delay is not valid.");
        }

        await Task.Delay(TimeSpan.FromMilliseconds(delay), timeProvider, cancellationToken);
        return TypedResults.Ok(new DelayResult(delay));
    }
}
