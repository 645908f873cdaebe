namespace KonnectAspire.Provisioner.Tests.Commands.LoadTest;

/// <summary>Counts the requests an HttpClient has in flight, as the client sees them, and remembers the most at once.</summary>
internal sealed class InFlightCountingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private int _inFlight;
    private int _most;

    public int Most => Volatile.Read(ref _most);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _inFlight);
        int most;
        while ((most = Volatile.Read(ref _most)) < now && Interlocked.CompareExchange(ref _most, now, most) != most)
        {
        }

        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
