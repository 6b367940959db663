namespace PolicyLoop.Bench.Baseline;

/// <summary>A clock the benchmark moves by hand, so each ingest batch gets a later ingest time.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
