using PolicyLoop.Reports.Model;

namespace PolicyLoop.Reports.Tests;

/// <summary>Reports built for tests, one of them full of hostile log text.</summary>
internal static class ReportSamples
{
    public const string ScriptTag = "<script>alert(1)</script>";
    public const string QuoteBreak = "\" onmouseover=\"alert(2)";
    public const string Escape = "curl\u001b[31m/8\u202e";

    /// <summary>The hostile report with one anomaly chart: 20 five-minute buckets, a spike alert at the 16th.</summary>
    public static ForensicReport WithAnomalies()
    {
        var start = new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);
        var points = Enumerable.Range(0, 20)
            .Select(i => new BaselinePoint(start.AddMinutes(5 * i), i == 15 ? 0.4 : 0.05, i < 12 ? null : 0.05, 0.01, 0.09))
            .ToList();
        var alert = new AlertMarker(start.AddMinutes(75), "seasonal", "spike", 0.4, 0.05, "rate far above " + ScriptTag);
        var chart = new AnomalyChart("source=waf rule=" + ScriptTag, points, [alert]);
        return Hostile() with { Anomalies = new AnomalySection([chart], 1, TimeSpan.FromMinutes(5)) };
    }

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
