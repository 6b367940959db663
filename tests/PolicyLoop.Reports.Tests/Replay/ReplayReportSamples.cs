using PolicyLoop.Reports.Model;
using PolicyLoop.Reports.Model.Replay;

namespace PolicyLoop.Reports.Tests.Replay;

/// <summary>A replay report full of hostile log text.</summary>
internal static class ReplayReportSamples
{
    public static ReplayReport Hostile()
    {
        var start = new DateTime(2015, 5, 17, 10, 0, 0, DateTimeKind.Utc);
        return new ReplayReport
        {
            Candidate = "edge 2",
            Baseline = "edge 1",
            GeneratedAt = start,
            Counts = new ReplayCounts(1000, 900, 95, 60, 30, 5, 5, 7, 120, 90),
            RuleChanges =
            [
                new RuleChange("bots|x" + ReportSamples.ScriptTag, ChangeDirection.AllowToReject, "deny", 60, false),
                new RuleChange("sqli`", ChangeDirection.RejectToAllow, "deny", 30, true),
            ],
            Errors = [new RuleErrorCount("candidate", "geo", 5, "no such key: " + ReportSamples.ScriptTag)],
            Unfaithful = [new UnfaithfulReplay("source apache does not log country", 1000)],
            Timeline = [new ReplayBucket(start, 500, 60, 45, 2), new ReplayBucket(start.AddHours(1), 500, 60, 45, 3)],
            NewlyRejectedSegments = [new SegmentList("user agent", [new RankedValue(ReportSamples.Escape, 60, 1)])],
            Samples =
            [
                new ChangedEvent("e1", start, ChangeDirection.AllowToReject, "192.0.2.1", "GET",
                    "/" + ReportSamples.ScriptTag, ReportSamples.QuoteBreak, 200, "allow", null, "deny", "bots",
                    "user_agent.matches(\"(?i)bot\")", ReportSamples.ScriptTag, 3),
            ],
        };
    }
}
