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
    private readonly Dictionary<string, long> _eventsBySource = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Source, string Field), long> _setBySourceField = [];
    private DateTime? _first;
    private long _warmUpEvents;

    public void Add(DecisionEvent decisionEvent)
    {
        _first ??= decisionEvent.Time;
        if (warmUp > TimeSpan.Zero && decisionEvent.Time < _first.Value + warmUp)
        {
            _warmUpEvents++;
        }

        _eventsBySource[decisionEvent.Source] = _eventsBySource.GetValueOrDefault(decisionEvent.Source) + 1;
        foreach (var field in rulesByField.Keys)
        {
            if (DecisionEventFields.IsSet(decisionEvent, field))
            {
                var key = (decisionEvent.Source, field);
                _setBySourceField[key] = _setBySourceField.GetValueOrDefault(key) + 1;
            }
        }
    }

    public IReadOnlyList<UnfaithfulReplay> Findings()
    {
        var findings = new List<UnfaithfulReplay>();
        foreach (var (source, events) in _eventsBySource.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            foreach (var (field, rules) in rulesByField.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                if (_setBySourceField.GetValueOrDefault((source, field)) == 0)
                {
                    findings.Add(new UnfaithfulReplay(
                        $"source {source} never logs {field}, which {string.Join(", ", rules)} read", events));
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
