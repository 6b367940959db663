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
    public void Peek_DoesNotAddAnEvent()
    {
        var state = new RateState();
        state.Record(1, "k", TimeSpan.FromMinutes(1), Start);

        state.Peek(1, "k", TimeSpan.FromMinutes(1), Start.AddSeconds(1)).ShouldBe(1);
        state.Peek(1, "k", TimeSpan.FromMinutes(1), Start.AddSeconds(2)).ShouldBe(1);
        state.Peek(2, "k", TimeSpan.FromMinutes(1), Start).ShouldBe(0);
    }
}
