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

    [Fact]
    public void Get_CollidingTexts_StopsPoolingAndStaysCorrect()
    {
        // Texts that all start their lookup at one slot, as an attacker who can compute the hash could send.
        var slot = TextPool.SlotOf("seed"u8);
        var colliding = new List<string>();
        for (var i = 0; colliding.Count < TextPool.MaxProbes + 11; i++)
        {
            var text = "k" + i;
            if (TextPool.SlotOf(Encoding.UTF8.GetBytes(text)) == slot)
            {
                colliding.Add(text);
            }
        }

        var pool = new TextPool();
        for (var round = 0; round <= TextPool.MaxGiveUps / 10; round++)
        {
            foreach (var text in colliding)
            {
                pool.Get(Encoding.UTF8.GetBytes(text)).ShouldBe(text);
            }
        }

        pool.IsPooling.ShouldBeFalse();
        pool.Get("GET"u8).ShouldBe("GET");
    }

    [Fact]
    public void Get_InvalidUtf8_DecodesLikeTheEncoding()
    {
        var pool = new TextPool();
        byte[] invalid = [0x2F, 0xC3, 0x28, 0xFF, 0x61];

        var first = pool.Get(invalid);

        first.ShouldBe(Encoding.UTF8.GetString(invalid));
        ReferenceEquals(first, pool.Get(invalid)).ShouldBeTrue();
    }
}
