using System.Diagnostics;
using System.Globalization;
using PolicyLoop.Analysis.Patterns;
using PolicyLoop.Core;

namespace PolicyLoop.Bench.Explain;

/// <summary>
/// Times segment mining (the work of <c>policyloop explain</c> for one rule) over generated, encoded events:
/// 1, 3 and 10 million events with 12 attributes, and 10 million with 4 and 8. Data generation is not timed.
/// It also times attribute derivation (user-agent classification, path templates, prefixes) per event, which
/// explain does once while it reads the store.
/// </summary>
internal static class ExplainBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        var maxEvents = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000_000;
        Console.WriteLine($"explain benchmark: {Environment.ProcessorCount} cores, max order 3, default minimum support");
        Console.WriteLine("events      attributes  seconds  cpu seconds  candidates  frequent values  top segment");
        var last = 0.0;
        foreach (var (events, attributes) in new[] { (1_000_000, 12), (3_000_000, 12), (10_000_000, 12),
            (10_000_000, 8), (10_000_000, 4) })
        {
            if (events <= maxEvents)
            {
                var seconds = Measure(events, attributes);
                if (attributes == 12)
                {
                    last = seconds;
                }
            }
        }

        MeasureDerivation();
        var largest = Math.Min(maxEvents, 10_000_000);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"explain: {largest:N0} events with 12 attributes in {last:F2} s"));
        return Task.FromResult(0);
    }

    /// <summary>Mines once and prints wall and processor seconds; returns the wall seconds.</summary>
    private static double Measure(int events, int attributes)
    {
        var data = SegmentDataGenerator.Generate(events, attributes, seed: 7);
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var mined = SegmentMiner.Mine(data, new SegmentMinerOptions());
        var top = mined.Select(1.5, 10);
        watch.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var best = top.Count == 0 ? "none" : string.Join(" and ", mined.Describe(top[0]).Select(item => item.Value));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{events,-11:N0} {attributes,-11} {watch.Elapsed.TotalSeconds,7:F2}  {cpu,11:F2}  "
            + $"{mined.Candidates.Count,10:N0}  {mined.Candidates.Count(candidate => candidate.Items.Count == 1),15:N0}  {best}"));
        return watch.Elapsed.TotalSeconds;
    }

    private static void MeasureDerivation()
    {
        const int count = 200_000;
        var agents = new[]
        {
            "Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/42.0.2311.90 Safari/537.36",
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "curl/7.38.0",
            "InvTrack/2.4 (+https://example.com/bot)",
        };
        var events = Enumerable.Range(0, count).Select(i => new DecisionEvent
        {
            EventId = i.ToString(CultureInfo.InvariantCulture),
            Source = "bench",
            Time = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(i),
            ClientIp = $"198.51.{i % 200}.{i % 250}",
            UserAgent = agents[i % agents.Length],
            Path = $"/orders/{i}/items/{i % 17}",
            Method = "GET",
            Status = 200,
        }).ToList();
        var table = new SegmentTable();
        var outcome = Analysis.Forensics.EventOutcome.Logged(events[0]);
        var watch = Stopwatch.StartNew();
        foreach (var decisionEvent in events)
        {
            table.Add(decisionEvent, outcome);
        }

        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"attribute derivation: {count / watch.Elapsed.TotalSeconds:N0} events per second ({count:N0} events, one thread)"));
    }
}
