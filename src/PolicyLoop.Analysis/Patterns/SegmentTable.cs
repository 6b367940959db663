using PolicyLoop.Analysis.Forensics;
using PolicyLoop.Core;
using PolicyLoop.Reports.Model.Patterns;

namespace PolicyLoop.Analysis.Patterns;

/// <summary>
/// Collects events with their outcome under a policy (or as logged) as encoded attribute columns, so the
/// segments of any rule can be mined from one read of the store. Label keys become attributes as they appear,
/// up to <see cref="MaxLabelKeys"/>.
/// </summary>
public sealed class SegmentTable
{
    /// <summary>More label keys than this are not segmented by; enrichment adds a few, sources rarely many.</summary>
    public const int MaxLabelKeys = 8;

    private readonly List<Column> _columns;
    private readonly Dictionary<string, int> _labelColumns = new(StringComparer.Ordinal);
    private readonly List<string> _eventIds = [];
    private readonly List<string?> _rejectingRules = [];

    public SegmentTable(IReadOnlyList<AttributeDefinition>? attributes = null)
    {
        _columns = [.. (attributes ?? SegmentAttributes.Standard).Select(attribute => new Column(attribute))];
    }

    public int Count => _eventIds.Count;

    public IReadOnlyList<AttributeDefinition> Attributes => [.. _columns.Select(column => column.Attribute)];

    /// <summary>Adds an event with its outcome: the rejecting rule, or allowed.</summary>
    public void Add(DecisionEvent decisionEvent, EventOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(decisionEvent);
        ArgumentNullException.ThrowIfNull(outcome);
        foreach (var key in decisionEvent.Labels.Keys)
        {
            if (!_labelColumns.ContainsKey(key) && _labelColumns.Count < MaxLabelKeys)
            {
                _labelColumns[key] = _columns.Count;
                _columns.Add(new Column(SegmentAttributes.Label(key), Count));
            }
        }

        foreach (var column in _columns)
        {
            column.Add(column.Attribute.Value(decisionEvent));
        }

        _eventIds.Add(decisionEvent.EventId);
        _rejectingRules.Add(outcome.IsReject ? outcome.DecidingRuleId ?? EventOutcome.PolicyDefault : null);
    }

    /// <summary>Returns the rules with rejects and their reject counts, most rejects first.</summary>
    public IReadOnlyList<(string RuleId, long Rejects)> RejectingRules() =>
    [
        .. _rejectingRules.OfType<string>()
            .GroupBy(rule => rule, StringComparer.Ordinal)
            .Select(group => (group.Key, (long)group.Count()))
            .OrderByDescending(rule => rule.Item2)
            .ThenBy(rule => rule.Key, StringComparer.Ordinal),
    ];

    /// <summary>Builds the mining input for one rule: its rejects (or false positives) against the comparison.</summary>
    public SegmentData DataFor(string ruleId, SegmentComparison comparison, IReviewLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var groups = new byte[Count];
        for (var i = 0; i < groups.Length; i++)
        {
            groups[i] = GroupOf(i, ruleId, comparison, labels);
        }

        return new SegmentData(
            [.. _columns.Select(column => column.Attribute.Name)],
            [.. _columns.Select(column => column.Codes(Count))],
            [.. _columns.Select(column => column.Values)],
            groups);
    }

    /// <summary>
    /// Returns the most common value of an attribute among the rule's rejects in a segment, with its share of
    /// them; null when the segment has no rejects or none has the attribute.
    /// </summary>
    public (string Value, double Share)? DominantValue(string ruleId, IReadOnlyList<SegmentItem> items, string attribute)
    {
        ArgumentNullException.ThrowIfNull(items);
        var target = _columns.FindIndex(column => column.Attribute.Name == attribute);
        var filters = items.Select(item => (Column: _columns.FindIndex(column => column.Attribute.Name == item.Attribute),
            item.Value)).ToList();
        if (target < 0 || filters.Any(filter => filter.Column < 0))
        {
            return null;
        }

        var counts = new Dictionary<int, int>();
        var total = 0;
        for (var row = 0; row < Count; row++)
        {
            if (_rejectingRules[row] != ruleId || !filters.All(filter => _columns[filter.Column].ValueAt(row) == filter.Value))
            {
                continue;
            }

            total++;
            var code = _columns[target].CodeAt(row);
            counts[code] = counts.GetValueOrDefault(code) + 1;
        }

        var top = counts.Where(pair => pair.Key != 0).OrderByDescending(pair => pair.Value).FirstOrDefault();
        return total == 0 || top.Value == 0 ? null : (_columns[target].Values[top.Key], (double)top.Value / total);
    }

    /// <summary>Returns the attribute definition with the name, or null.</summary>
    public AttributeDefinition? Attribute(string name) =>
        _columns.Select(column => column.Attribute).FirstOrDefault(attribute => attribute.Name == name);

    private byte GroupOf(int row, string ruleId, SegmentComparison comparison, IReviewLabels labels)
    {
        var rule = _rejectingRules[row];
        if (comparison == SegmentComparison.Allowed)
        {
            return rule is null ? SegmentData.Comparison
                : rule == ruleId ? SegmentData.Target
                : SegmentData.Ignored;
        }

        if (rule != ruleId)
        {
            return SegmentData.Ignored;
        }

        return labels.Find(_eventIds[row], ruleId) switch
        {
            ReviewVerdict.FalsePositive => SegmentData.Target,
            ReviewVerdict.TruePositive => SegmentData.Comparison,
            _ => SegmentData.Ignored,
        };
    }

    /// <summary>One attribute's value codes; code 0 is a missing value.</summary>
    private sealed class Column
    {
        private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
        private readonly List<string> _values = ["(none)"];
        private readonly List<int> _rows;

        public Column(AttributeDefinition attribute, int missingRows = 0)
        {
            Attribute = attribute;
            _rows = [.. Enumerable.Repeat(0, missingRows)];
        }

        public AttributeDefinition Attribute { get; }

        public List<string> Values => _values;

        public void Add(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                _rows.Add(0);
                return;
            }

            if (!_codes.TryGetValue(value, out var code))
            {
                code = _values.Count;
                _codes[value] = code;
                _values.Add(value);
            }

            _rows.Add(code);
        }

        public int CodeAt(int row) => _rows[row];

        public string? ValueAt(int row) => _rows[row] == 0 ? null : _values[_rows[row]];

        public int[] Codes(int count) => _rows.Count == count ? [.. _rows] : throw new InvalidOperationException(
            $"column {Attribute.Name} has {_rows.Count} rows for {count} events");
    }
}
