using PolicyLoop.Reports.Model;

namespace PolicyLoop.Reports.Tests;

/// <summary>Reports built for tests, one of them full of hostile log text.</summary>
internal static class ReportSamples
{
    public const string ScriptTag = "<script>alert(1)</script>";
    public const string QuoteBreak = "\" onmouseover=\"alert(2)";
    public const string Escape = "curl\u001b[31m/8\u202e";

    public static ForensicReport Hostile()
    {
        var start = new DateTime(2015, 5, 17, 10, 0, 0, DateTimeKind.Utc);
        var example = new ExampleEvent("e1", start, "192.0.2.1", "GET", "/search?q=" + ScriptTag, Escape, 403,
            "path.matches(\"(?i)<script\")", ScriptTag, 10);
        return new ForensicReport
        {
            Title = "Edge policy " + ScriptTag,
            GeneratedAt = start.AddDays(4),
            PolicyId = "edge" + QuoteBreak,
            PolicyVersion = "1",
            Totals = new ReportTotals(100, 5, 2, 1, start, start.AddHours(2)),
            Timeline =
            [
                new TimeBucket(start, 40, 1, 1),
                new TimeBucket(start.AddHours(1), 35, 3, 1),
                new TimeBucket(start.AddHours(2), 25, 1, 0),
            ],
            Rules = [new RuleSummary("xss|probe" + QuoteBreak, "deny", ScriptTag, 5, 1.0, 2, 1, [example])],
            TopClients = [new RankedValue("192.0.2.1", 5, 1.0)],
            TopUserAgents = [new RankedValue(Escape, 5, 1.0)],
            TopPaths = [new RankedValue("/search?q=" + ScriptTag, 5, 1.0)],
            Notes = ["A note with " + ScriptTag],
        };
    }
}
