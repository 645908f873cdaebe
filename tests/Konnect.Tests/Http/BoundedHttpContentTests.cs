using KonnectAspire.Konnect.Http;
using KonnectAspire.TestSupport.Infrastructure;

namespace KonnectAspire.Konnect.Tests.Http;

public sealed class BoundedHttpContentTests
{
    [Fact]
    public async Task A_declared_length_over_the_bound_is_refused_before_anything_is_read()
    {
        var stream = new EndlessStream();
        using var content = new StreamContent(stream);
        content.Headers.ContentLength = 11;

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => BoundedHttpContent.ReadAsync(content, 10, default));

        Assert.Equal("the answer is 11 bytes, more than the 10 it may be", error.Message);
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public async Task An_answer_without_end_is_cut_off_once_it_passes_the_bound()
    {
        var stream = new EndlessStream();
        using var content = new StreamContent(stream);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => BoundedHttpContent.ReadAsync(content, 1024 * 1024, default));

        Assert.Equal("the answer goes on past the 1048576 bytes it may be", error.Message);
        Assert.InRange(stream.BytesRead, 1024 * 1024, 2 * 1024 * 1024);
    }

    [Fact]
    public async Task An_answer_of_exactly_the_bound_is_read_whole()
    {
        byte[] body = [.. Enumerable.Range(0, 10).Select(i => (byte)i)];
        using var content = new ByteArrayContent(body);

        Assert.Equal(body, await BoundedHttpContent.ReadAsync(content, 10, default));
    }

    [Fact]
    public async Task Only_the_start_of_an_error_answer_is_read()
    {
        var stream = new EndlessStream();
        using var content = new StreamContent(stream);

        var text = await BoundedHttpContent.ReadStartAsync(content, 100, default);

        Assert.Equal(new string('a', 100), text);
        Assert.InRange(stream.BytesRead, 100, 100 + 81_920);
    }
}
