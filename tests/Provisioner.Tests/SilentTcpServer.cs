using System.Net;
using System.Net.Sockets;

namespace KonnectAspire.Provisioner.Tests;

/// <summary>A loopback address that accepts every connection and never answers: a half-dead server, or a proxy that swallows requests.</summary>
internal sealed class SilentTcpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _held = [];
    private readonly Task _accepting;

    public SilentTcpServer()
    {
        _listener.Start();
        _accepting = AcceptForeverAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        lock (_held)
        {
            _held.ForEach(c => c.Dispose());
        }
    }

    private async Task AcceptForeverAsync()
    {
        while (true)
        {
            var client = await _listener.AcceptTcpClientAsync();
            lock (_held)
            {
                _held.Add(client);
            }
        }
    }
}
