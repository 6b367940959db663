using PolicyLoop.Reports.Model;

namespace PolicyLoop.Analysis.Forensics;

/// <summary>Assembling the report of <see cref="ForensicReportBuilder"/>.</summary>
public sealed partial class ForensicReportBuilder
{
    /// <summary>Returns the report of everything added so far; empty buckets inside the span are filled with zeros.</summary>
    public ForensicReport Build(string title, DateTime generatedAt, string? policyId = null, string? policyVersion = null,
        IReadOnlyList<string>? notes = null)
    {
        var allNotes = new List<string>(notes ?? []);
        if (_clients.Approximate || _userAgents.Approximate || _paths.Approximate)
        {
            allNotes.Add("There were too many distinct clients, user agents or paths to count exactly; "
                + "the top values are the heavy hitters and their counts are lower bounds.");
        }

        return new ForensicReport
        {
            Title = title,
            GeneratedAt = generatedAt,
            PolicyId = policyId,
            PolicyVersion = policyVersion,
            Totals = new ReportTotals(_events, _rejects, _loggedRejects, _errors, _first, _last),
            Timeline = Timeline(),
            Rules = RuleSummaries(),
            TopClients = Ranked(_clients),
            TopUserAgents = Ranked(_userAgents),
            TopPaths = Ranked(_paths),
            Notes = allNotes,
        };
    }

    private List<TimeBucket> Timeline()
    {
        var timeline = new List<TimeBucket>();
        if (_buckets.Count == 0)
        {
            return timeline;
        }

        for (var start = _buckets.Keys.First(); start <= _buckets.Keys.Last(); start += bucketWidth)
        {
            var counts = _buckets.GetValueOrDefault(start) ?? new long[3];
            timeline.Add(new TimeBucket(start, counts[0], counts[1], counts[2]));
        }

        return timeline;
    }

    private List<RuleSummary> RuleSummaries() =>
    [
        .. _rules
            .Select(pair => Summarize(pair.Key, pair.Value))
            .OrderByDescending(rule => rule.Rejects)
            .ThenByDescending(rule => rule.NonDecidingMatches)
            .ThenBy(rule => rule.RuleId, StringComparer.Ordinal),
    ];

    private RuleSummary Summarize(string ruleId, RuleTally tally)
    {
        var info = rules?.GetValueOrDefault(ruleId);
        var share = _rejects == 0 ? 0 : (double)tally.Rejects / _rejects;
        return new RuleSummary(ruleId, info?.Action ?? tally.SeenAction ?? "logged", info?.Description, tally.Rejects,
            share, tally.NonDecidingMatches, tally.Errors, tally.Examples);
    }

    private static List<RankedValue> Ranked(ValueCounter counter) =>
    [
        .. counter.Top(TopValues).Select(top =>
            new RankedValue(top.Value, top.Count, counter.Total == 0 ? 0 : (double)top.Count / counter.Total)),
    ];
}
