using System.Diagnostics;
using System.Globalization;
using PolicyLoop.Analysis.Templates;

namespace PolicyLoop.Bench.Loghub;

/// <summary>
/// <c>bench/run loghub [--data DIR] [--show SYSTEM]</c>: mines templates from each Loghub-2k system with
/// one configuration and prints grouping and parsing accuracy per system and on average, then the
/// mining throughput. <c>--show SYSTEM</c> lists the messages of that system that were parsed wrongly.
/// </summary>
internal static class LoghubBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        if (Load(args) is not { } systems)
        {
            return Task.FromResult(2);
        }

        Console.WriteLine(
            $"{"system",-12} {"events",6} {"templates",9} {"GA",6} {"GA-tmpl",7} {"PA",6}  templates");
        var results = new List<(double Grouping, double Parsing, bool Corrected)>();
        foreach (var system in systems)
        {
            var (groups, templates, count) = Mine(system);
            var grouping = ParsingAccuracy.Grouping(system.EventIds, groups);
            var templateGrouping = ParsingAccuracy.Grouping(system.Templates, groups);
            var parsing = ParsingAccuracy.Parsing(system.Templates, templates);
            results.Add((grouping, parsing, system.TemplatesCorrected));
            var against = system.TemplatesCorrected ? "corrected (Loghub-2.0)" : "original (no corrected set)";
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{system.Name,-12} {system.EventIds.Distinct().Count(),6} {count,9} {grouping,6:F3} "
                + $"{templateGrouping,7:F3} {parsing,6:F3}  {against}"));
            if (Option(args, "--show") == system.Name)
            {
                Show(system, templates);
                ShowGrouping(system, templates);
            }
        }

        var corrected = results.Where(r => r.Corrected).ToList();
        if (corrected.Count > 0)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"over the {corrected.Count} systems with corrected templates: grouping accuracy "
                + $"{corrected.Average(r => r.Grouping):F3}, parsing accuracy {corrected.Average(r => r.Parsing):F3}"));
        }

        var throughput = Throughput(systems, 50);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"templates: {throughput}"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"loghub: grouping accuracy {results.Average(r => r.Grouping):F3}, "
            + $"parsing accuracy {results.Average(r => r.Parsing):F3}"));
        return Task.FromResult(0);
    }

    /// <summary><c>bench/run templates [--data DIR] [--repeat N]</c>: template-mining throughput only.</summary>
    public static Task<int> RunThroughputAsync(string[] args)
    {
        if (Load(args) is not { } systems)
        {
            return Task.FromResult(2);
        }

        var repeat = int.Parse(Option(args, "--repeat") ?? "50", CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"templates: {Throughput(systems, repeat)}"));
        return Task.FromResult(0);
    }

    private static IReadOnlyList<LoghubSystem>? Load(string[] args)
    {
        var directory = Path.GetFullPath(Option(args, "--data") ?? Path.Combine("..", "shared", "data", "loghub-2k"));
        var systems = Directory.Exists(directory) ? LoghubSystem.LoadAll(directory) : [];
        if (systems.Count == 0)
        {
            Console.Error.WriteLine(
                $"error: Loghub-2k was not found at {directory} (expected SYSTEM/SYSTEM_2k.log_structured.csv); "
                + "pass --data DIR with a copy of the loghub repository's 2k files");
            return null;
        }

        return systems;
    }

    private static (int[] Groups, string[] Templates, int Count) Mine(LoghubSystem system)
    {
        var miner = new TemplateMiner();
        var groupIds = system.Contents.Select(content => miner.Add(content)).ToArray();
        var set = miner.Snapshot();
        var groups = groupIds.Select(set.IndexOfGroup).ToArray();
        return (groups, [.. groups.Select(index => set.Templates[index].Text)], set.Templates.Count);
    }

    /// <summary>Mines every system's messages <paramref name="repeat"/> times over, one miner per system.</summary>
    private static string Throughput(IReadOnlyList<LoghubSystem> systems, int repeat)
    {
        long lines = 0;
        var templates = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        foreach (var system in systems)
        {
            var miner = new TemplateMiner();
            for (var round = 0; round < repeat; round++)
            {
                foreach (var content in system.Contents)
                {
                    miner.Add(content);
                }
            }

            lines += miner.MessageCount;
            templates += miner.Snapshot().Templates.Count;
        }

        var seconds = watch.Elapsed.TotalSeconds;

        // Processor time as well as wall time: other work on a shared machine stretches the wall time.
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{lines / seconds:N0} lines/s ({lines:N0} lines, {seconds:F2} s wall, {cpuSeconds:F2} s processor "
            + $"= {lines / cpuSeconds:N0} lines per processor second, {templates} templates, one thread)");
    }

    private static void Show(LoghubSystem system, string[] templates)
    {
        var wrong = Enumerable.Range(0, templates.Length)
            .Where(i => system.Templates[i].Trim() != templates[i].Trim())
            .GroupBy(i => (system.Templates[i], templates[i]))
            .OrderByDescending(g => g.Count());
        foreach (var group in wrong)
        {
            Console.WriteLine($"  {group.Count(),4} truth: {group.Key.Item1}");
            Console.WriteLine($"       ours:  {group.Key.Item2}");
        }
    }

    private static void ShowGrouping(LoghubSystem system, string[] templates)
    {
        var byTruth = Enumerable.Range(0, templates.Length).GroupBy(i => system.EventIds[i]);
        foreach (var truth in byTruth.OrderByDescending(g => g.Count()))
        {
            var predicted = truth.GroupBy(i => templates[i]).ToList();
            var mixed = predicted.Any(p => Enumerable.Range(0, templates.Length)
                .Any(i => templates[i] == p.Key && system.EventIds[i] != truth.Key));
            if (predicted.Count == 1 && !mixed)
            {
                continue;
            }

            Console.WriteLine($"  GA {truth.Count(),4} truth {truth.Key}: {system.Templates[truth.First()]}{(mixed ? "  (merged with others)" : "")}");
            foreach (var p in predicted.OrderByDescending(p => p.Count()).Take(6))
            {
                Console.WriteLine($"       {p.Count(),4} {p.Key}  e.g. {system.Contents[p.First()]}");
            }
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
