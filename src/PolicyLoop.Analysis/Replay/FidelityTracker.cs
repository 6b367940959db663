using System.Globalization;
using PolicyLoop.Core;
using PolicyLoop.Reports.Model.Replay;

namespace PolicyLoop.Analysis.Replay;

/// <summary>
/// Finds events a replay cannot judge as the policy would have in production. One kind is the
/// events of a source that never logs a field some rule reads. The other is the events at the
/// start of the range, where rate() and count() windows miss the traffic that came before it.
/// </summary>
internal sealed class FidelityTracker(IReadOnlyDictionary<string, IReadOnlyList<string>> rulesByField, TimeSpan warmUp)
{
    private readonly string[] _fields = [.. rulesByField.Keys];
    private readonly Func<DecisionEvent, bool>[] _isSet = [.. rulesByField.Keys.Select(DecisionEventFields.IsSetTest)];

    /// <summary>Per source: the events, then per entry of <see cref="_fields"/> the events that set that field.</summary>
    private readonly Dictionary<string, long[]> _countsBySource = new(StringComparer.Ordinal);
    private string? _lastSource;
    private long[] _lastCounts = [];
    private DateTime? _first;
    private long _warmUpEvents;

    public void Add(DecisionEvent decisionEvent)
    {
        _first ??= decisionEvent.Time;
        if (warmUp > TimeSpan.Zero && decisionEvent.Time < _first.Value + warmUp)
        {
            _warmUpEvents++;
        }

        var counts = CountsOf(decisionEvent.Source);
        counts[0]++;
        for (var i = 0; i < _isSet.Length; i++)
        {
            if (_isSet[i](decisionEvent))
            {
                counts[i + 1]++;
            }
        }
    }

    private long[] CountsOf(string source)
    {
        if (string.Equals(source, _lastSource, StringComparison.Ordinal))
        {
            return _lastCounts;
        }

        if (!_countsBySource.TryGetValue(source, out var counts))
        {
            counts = new long[_fields.Length + 1];
            _countsBySource[source] = counts;
        }

        (_lastSource, _lastCounts) = (source, counts);
        return counts;
    }

    public IReadOnlyList<UnfaithfulReplay> Findings()
    {
        var findings = new List<UnfaithfulReplay>();
        foreach (var (source, counts) in _countsBySource.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            foreach (var (field, rules) in rulesByField.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                if (counts[Array.IndexOf(_fields, field) + 1] == 0)
                {
                    findings.Add(new UnfaithfulReplay(
                        $"source {source} never logs {field}, which {string.Join(", ", rules)} read", counts[0]));
                }
            }
        }

        if (_warmUpEvents > 0)
        {
            var window = warmUp.ToString("c", CultureInfo.InvariantCulture);
            findings.Add(new UnfaithfulReplay(
                $"in the first {window} of the range, rate() and count() windows miss the traffic before the range",
                _warmUpEvents));
        }

        return findings;
    }
}
