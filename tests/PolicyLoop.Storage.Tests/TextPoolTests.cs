using System.Text;

namespace PolicyLoop.Storage.Tests;

public sealed class TextPoolTests
{
    [Theory]
    [InlineData("GET")]
    [InlineData("/päth/日本語/😀")]
    [InlineData("")]
    public void Get_SameBytesTwice_ReturnsOneString(string text)
    {
        var pool = new TextPool();

        var first = pool.Get(Encoding.UTF8.GetBytes(text));
        var second = pool.Get(Encoding.UTF8.GetBytes(text));

        first.ShouldBe(text);
        ReferenceEquals(first, second).ShouldBeTrue();
    }

    [Fact]
    public void Get_LongText_DecodesAll()
    {
        var pool = new TextPool();
        var text = string.Concat(Enumerable.Repeat("Mozilla/5.0 ✓ ", 200));

        pool.Get(Encoding.UTF8.GetBytes(text)).ShouldBe(text);
        ReferenceEquals(pool.Get(Encoding.UTF8.GetBytes(text)), pool.Get(Encoding.UTF8.GetBytes(text))).ShouldBeTrue();
    }

    [Fact]
    public void Get_NoRepeats_DecodesEach()
    {
        var pool = new TextPool();

        // Past the pool's size, with no repeats the pool stops pooling; every value must still come back intact.
        for (var i = 0; i < TextPool.MaxStrings + 5_000; i++)
        {
            var text = "id-" + i;
            pool.Get(Encoding.UTF8.GetBytes(text)).ShouldBe(text);
        }

        pool.Get("GET"u8).ShouldBe("GET");
    }
}
