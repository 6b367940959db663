using PolicyLoop.Core;

namespace PolicyLoop.Policies.Evaluation;

/// <summary>
/// Records the rate() windows of a policy ahead of its evaluation, typically on the thread that reads the events, so
/// the evaluating thread has less to do. A rate() window counts every request of its key whatever the decisions
/// were, so its values depend only on the events and their order and can be computed before any rule runs. count()
/// windows count rejects, which depend on the decisions, and stay with the evaluator.
/// </summary>
/// <remarks>
/// Record events in the order the evaluator will evaluate them, each exactly once. The recorder keeps the values of
/// the last <see cref="Capacity"/> events in a ring, so it may run at most that many events ahead of the evaluator.
/// The evaluator raises an error when its event number is not in the ring, but it cannot detect events recorded in
/// another order.
/// The two threads must hand events over with a synchronising collection (as <c>ReadAheadEvents</c> does), which
/// also makes the values written here visible to the evaluator.
/// </remarks>
public sealed class RateRecorder
{
    private readonly SiteValues _values;
    private readonly EvaluationContext _context = new();
    private readonly object?[] _ring;
    private readonly int _siteCount;
    private long _recorded;

    private RateRecorder(CompiledPolicy policy, SiteValues values, int capacity)
    {
        _values = values;
        _siteCount = policy.SiteArray.Length;
        _context.StatefulValues = new object?[_siteCount];
        Capacity = capacity;
        _ring = new object?[(long)capacity * _siteCount];
    }

    /// <summary>The most events the recorder may run ahead of the evaluator.</summary>
    public int Capacity { get; }

    /// <summary>Events recorded so far.</summary>
    public long Recorded => Volatile.Read(ref _recorded);

    /// <summary>
    /// A recorder for <paramref name="policy"/> that may run <paramref name="capacity"/> events ahead, or null when
    /// the policy calls no rate().
    /// </summary>
    public static RateRecorder? For(CompiledPolicy policy, int capacity)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var values = new SiteValues(policy, new RateState(), site => site.IsRate);
        return values.Count == 0 ? null : new RateRecorder(policy, values, capacity);
    }

    /// <summary>Records the events, in order, after those recorded before.</summary>
    public void Record(ReadOnlySpan<DecisionEvent?> events)
    {
        foreach (var decisionEvent in events)
        {
            _context.Reset(decisionEvent);
            _values.Compute(_context);
            var slot = (int)(_recorded % Capacity) * _siteCount;
            for (var position = 0; position < _values.Count; position++)
            {
                var site = _values.SiteAt(position);
                _ring[slot + site] = _context.StatefulValues[site];
            }

            Volatile.Write(ref _recorded, _recorded + 1);
        }
    }

    /// <summary>Copies the rate() values of event number <paramref name="ordinal"/> (from 0) into <paramref name="values"/>.</summary>
    internal void CopyTo(long ordinal, object?[] values)
    {
        var recorded = Recorded;
        if (ordinal >= recorded || ordinal < recorded - Capacity)
        {
            throw new InvalidOperationException(
                $"event {ordinal} is not among the recorded events {Math.Max(0, recorded - Capacity)} to {recorded - 1}; "
                + "record each event once, in evaluation order, at most the capacity ahead");
        }

        var slot = (int)(ordinal % Capacity) * _siteCount;
        for (var position = 0; position < _values.Count; position++)
        {
            var site = _values.SiteAt(position);
            values[site] = _ring[slot + site];
        }
    }
}
