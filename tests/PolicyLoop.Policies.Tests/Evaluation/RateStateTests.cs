using PolicyLoop.Policies.Evaluation;

namespace PolicyLoop.Policies.Tests.Evaluation;

public sealed class RateStateTests
{
    private static readonly DateTime Start = new(2015, 5, 17, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Record_EntryExactlyOneWindowOld_IsExpired()
    {
        var state = new RateState();
        state.Record(0, "k", TimeSpan.FromMinutes(1), Start);

        var count = state.Record(0, "k", TimeSpan.FromMinutes(1), Start.AddMinutes(1));

        count.ShouldBe(1);
    }

    [Fact]
    public void Record_ManyShortLivedKeys_DropsExpiredKeys()
    {
        var state = new RateState();
        for (var i = 0; i < 10_000; i++)
        {
            state.Record(0, "client-" + i, TimeSpan.FromSeconds(1), Start.AddSeconds(i));
        }

        state.KeyCount.ShouldBeLessThan(5_000);
    }

    [Fact]
    public void Record_ManyKeysExpireTogether_DropsThemAfterAsManyRecords()
    {
        var state = new RateState();
        for (var i = 0; i < 20_000; i++)
        {
            state.Record(0, "client-" + i, TimeSpan.FromMinutes(1), Start);
        }

        state.KeyCount.ShouldBe(20_000);
        for (var i = 0; i < 20_001; i++)
        {
            state.Record(0, "late", TimeSpan.FromMinutes(1), Start.AddMinutes(2));
        }

        state.KeyCount.ShouldBe(1);
    }

    [Fact]
    public void Record_EqualKeyObjects_ShareOneWindow()
    {
        var state = new RateState();
        var pooled = "192.0.2.1";
        long count = 0;
        for (var i = 0; i < 10; i++)
        {
            // The same text as the same object and as new objects, as pooled and unpooled readers pass it.
            var key = i % 2 == 0 ? pooled : new string(pooled.AsSpan());
            count = state.Record(0, key, TimeSpan.FromMinutes(1), Start.AddSeconds(i));
            state.Peek(0, new string(pooled.AsSpan()), TimeSpan.FromMinutes(1), Start.AddSeconds(i)).ShouldBe(count);
        }

        count.ShouldBe(10);
    }

    [Fact]
    public void Peek_KeyFromOtherObject_SeesWindow()
    {
        var state = new RateState();
        var fromUser = new string("10.0.0.1".AsSpan());
        var fromClient = new string("10.0.0.1".AsSpan());

        // The first object finds no window, then equal text from another column creates one.
        state.Peek(0, fromUser, TimeSpan.FromMinutes(10), Start).ShouldBe(0);
        state.Record(0, fromClient, TimeSpan.FromMinutes(10), Start.AddSeconds(1));

        state.Peek(0, fromUser, TimeSpan.FromMinutes(10), Start.AddSeconds(2)).ShouldBe(1);
        state.Record(0, fromUser, TimeSpan.FromMinutes(10), Start.AddSeconds(3)).ShouldBe(2);
        state.Peek(0, fromClient, TimeSpan.FromMinutes(10), Start.AddSeconds(4)).ShouldBe(2);
    }

    [Fact]
    public void Peek_DoesNotAddAnEvent()
    {
        var state = new RateState();
        state.Record(1, "k", TimeSpan.FromMinutes(1), Start);

        state.Peek(1, "k", TimeSpan.FromMinutes(1), Start.AddSeconds(1)).ShouldBe(1);
        state.Peek(1, "k", TimeSpan.FromMinutes(1), Start.AddSeconds(2)).ShouldBe(1);
        state.Peek(2, "k", TimeSpan.FromMinutes(1), Start).ShouldBe(0);
    }

    [Fact]
    public void Record_KeyBackAfterSweep_CountsFromOne()
    {
        var state = new RateState();
        state.Record(0, "back", TimeSpan.FromSeconds(10), Start);
        state.Record(1, "back", TimeSpan.FromMinutes(1), Start);

        // Enough other keys, a day later, for a sweep to drop "back" and keep its emptied windows for reuse.
        for (var i = 0; i < 10_000; i++)
        {
            state.Record(0, "other-" + i, TimeSpan.FromSeconds(10), Start.AddDays(1));
        }

        state.Record(1, "back", TimeSpan.FromMinutes(1), Start.AddDays(1)).ShouldBe(1);
        state.Peek(0, "back", TimeSpan.FromSeconds(10), Start.AddDays(1)).ShouldBe(0);
        state.Record(0, "back", TimeSpan.FromSeconds(10), Start.AddDays(1)).ShouldBe(1);
    }

    [Fact]
    public void Record_LongestWindowLive_KeepsKey()
    {
        var state = new RateState();
        state.Record(0, "k", TimeSpan.FromSeconds(10), Start);
        state.Record(1, "k", TimeSpan.FromMinutes(10), Start);

        // Sweeps a minute later: the ten-second window has emptied, the ten-minute one has not.
        for (var i = 0; i < 10_000; i++)
        {
            state.Record(0, "other-" + i, TimeSpan.FromSeconds(10), Start.AddMinutes(1));
        }

        state.Peek(0, "k", TimeSpan.FromSeconds(10), Start.AddMinutes(1)).ShouldBe(0);
        state.Peek(1, "k", TimeSpan.FromMinutes(10), Start.AddMinutes(1)).ShouldBe(1);
        state.Record(0, "k", TimeSpan.FromSeconds(10), Start.AddMinutes(1)).ShouldBe(1);
        state.Peek(1, "k", TimeSpan.FromMinutes(10), Start.AddMinutes(11)).ShouldBe(0);
    }

    [Fact]
    public void Record_BurstPastBuffer_KeepsAllTimestamps()
    {
        var state = new RateState();
        long count = 0;
        for (var i = 0; i < 1_000; i++)
        {
            count = state.Record(0, "busy", TimeSpan.FromSeconds(100), Start.AddSeconds(i * 0.25));
        }

        // 1,000 requests over 250 s: the window (150 s, 250 s] contains the last 400.
        count.ShouldBe(400);
        state.Peek(0, "busy", TimeSpan.FromSeconds(100), Start.AddSeconds(300)).ShouldBe(199);
    }
}
