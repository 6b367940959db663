using System.Globalization;
using PolicyLoop.Analysis.Forensics;
using PolicyLoop.Core;
using PolicyLoop.Reports.Model;
using PolicyLoop.Reports.Model.Replay;

namespace PolicyLoop.Analysis.Replay;

/// <summary>Counts the values of the segment attributes among a set of events.</summary>
internal sealed class SegmentCounters
{
    /// <summary>Status codes as text, made once: changed events repeat a handful of codes.</summary>
    private static readonly string[] StatusTexts = [.. Enumerable.Range(0, 1000).Select(code => code.ToString(CultureInfo.InvariantCulture))];

    private readonly (string Attribute, Func<DecisionEvent, string?> Value, ValueCounter Counter)[] _attributes;

    public SegmentCounters()
    {
        var prefixes = new RecentResults<string, string>(ClientPrefix.Of);
        _attributes =
        [
            ("client /24", e => e.ClientIp is { } client ? prefixes.Get(client) : ClientPrefix.Of(null), new ValueCounter()),
            ("user agent", e => e.UserAgent, new ValueCounter()),
            ("path", e => e.Path, new ValueCounter()),
            ("status", e => StatusText(e.Status), new ValueCounter()),
            ("country", e => e.Country, new ValueCounter()),
        ];
    }

    public void Add(DecisionEvent decisionEvent)
    {
        foreach (var (_, value, counter) in _attributes)
        {
            counter.Add(value(decisionEvent));
        }
    }

    private static string? StatusText(int? status) => status switch
    {
        null => null,
        >= 0 and < 1000 => StatusTexts[status.Value],
        _ => status.Value.ToString(CultureInfo.InvariantCulture),
    };

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
