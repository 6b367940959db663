using System.Globalization;
using PolicyLoop.Analysis.Forensics;
using PolicyLoop.Core;
using PolicyLoop.Reports.Model;
using PolicyLoop.Reports.Model.Replay;

namespace PolicyLoop.Analysis.Replay;

/// <summary>Counts the values of the segment attributes among a set of events.</summary>
internal sealed class SegmentCounters
{
    private readonly (string Attribute, Func<DecisionEvent, string?> Value, ValueCounter Counter)[] _attributes =
    [
        ("client /24", e => ClientPrefix.Of(e.ClientIp), new ValueCounter()),
        ("user agent", e => e.UserAgent, new ValueCounter()),
        ("path", e => e.Path, new ValueCounter()),
        ("status", e => e.Status?.ToString(CultureInfo.InvariantCulture), new ValueCounter()),
        ("country", e => e.Country, new ValueCounter()),
    ];

    public void Add(DecisionEvent decisionEvent)
    {
        foreach (var (_, value, counter) in _attributes)
        {
            counter.Add(value(decisionEvent));
        }
    }

    /// <summary>Returns the top values per attribute, leaving out missing values and attributes no event had.</summary>
    public IReadOnlyList<SegmentList> Top(int values)
    {
        var lists = new List<SegmentList>();
        foreach (var (attribute, _, counter) in _attributes)
        {
            var ranked = counter.Top(values + 1)
                .Where(top => top.Value != ValueCounter.Missing)
                .Take(values)
                .Select(top => new RankedValue(top.Value, top.Count, (double)top.Count / counter.Total))
                .ToList();
            if (ranked.Count > 0)
            {
                lists.Add(new SegmentList(attribute, ranked));
            }
        }

        return lists;
    }
}
