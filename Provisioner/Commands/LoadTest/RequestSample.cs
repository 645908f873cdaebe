namespace KonnectAspire.Provisioner.Commands.LoadTest;

/// <summary>
/// One request as the scheduler saw it: when it was due and sent (offsets from the start), how long the answer took,
/// and its status code (0 when no answer came: connection error or timeout).
/// </summary>
internal readonly record struct RequestSample(TimeSpan DueAt, TimeSpan SentAt, TimeSpan Latency, int StatusCode)
{
    public bool Answered => StatusCode != 0;

    public bool Succeeded => StatusCode is >= 200 and < 400;
}
