using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Kong;

/// <summary>
/// Resolves values (endpoint URLs, hosts, ports) as Kong's containers reach them: in the Aspire container network
/// (another container's alias, or the container tunnel or host gateway for a project), never as localhost.
/// </summary>
internal static class KongContainerNetwork
{
    /// <summary>The value of <paramref name="value"/> in the container network.</summary>
    public static async Task<string?> ResolveAsync(IValueProvider value, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
        => await value.GetValueAsync(Context(executionContext), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The value of <paramref name="value"/> in the container network, waiting at most <paramref name="timeout"/> for
    /// its address to be allocated.
    /// </summary>
    /// <exception cref="DistributedApplicationException">No address within <paramref name="timeout"/>; the message is <paramref name="timeoutMessage"/>.</exception>
    public static async Task<string?> ResolveAsync(
        IValueProvider value,
        DistributedApplicationExecutionContext executionContext,
        TimeSpan timeout,
        string timeoutMessage,
        CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            return await value.GetValueAsync(Context(executionContext), timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DistributedApplicationException(timeoutMessage);
        }
    }

    private static ValueProviderContext Context(DistributedApplicationExecutionContext executionContext)
        => new() { ExecutionContext = executionContext, Network = KnownNetworkIdentifiers.DefaultAspireContainerNetwork };
}
