using System.Globalization;
using System.Text;
using System.Text.Json;
using PolicyLoop.Cli.Review;

namespace PolicyLoop.Cli.Tests.Commands;

public sealed class ReviewCommandTests : IDisposable
{
    private const string Policy = """
        id: edge
        version: "1"
        default: allow
        rules:
          - id: deny-probes
            when: path.contains('wp-')
            action: deny
            mode: enforce
          - id: deny-bots
            when: user_agent.matches(r'(?i)bot')
            action: deny
            mode: enforce
        """;

    private const string WithoutBotRule = """
        id: edge
        version: "2"
        default: allow
        rules:
          - id: deny-probes
            when: path.contains('wp-')
            action: deny
            mode: enforce
        """;

    private static readonly string[] Agents =
    [
        "=cmd|' /C calc'!A0 bot", "+1 bot", "@x bot", "-2 bot", "Googlebot/2.1", "Mozilla/5.0",
        "[red]markup[/] bot", "escape\u001b[2J\u202e bot",
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("policyloop-review-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Log()
    {
        var start = new DateTime(2015, 5, 17, 10, 0, 0, DateTimeKind.Utc);
        var text = new StringBuilder();
        for (var i = 0; i < 120; i++)
        {
            var time = start.AddSeconds(i * 7).ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture);
            var path = i % 5 == 0 ? $"/wp-login.php?i={i}" : $"/page/{i}";
            text.Append(CultureInfo.InvariantCulture,
                $"192.0.2.{i % 30} - - [{time}] \"GET {path} HTTP/1.1\" 200 10 \"-\" \"{Agents[i % Agents.Length]}\"\n");
        }

        return text.ToString();
    }

    private static async Task IngestAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "access.log"), Log(), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "edge.yaml"), Policy, TestContext.Current.CancellationToken);
        var ingest = await CliProcess.RunAsync(folder, ["ingest", "access.log"]);
        ingest.ExitCode.ShouldBe(0, ingest.ToString());
    }

    private static async Task<CliResult> SampleAsync(string folder, string name, int size, string seed = "7")
    {
        var result = await CliProcess.RunAsync(folder,
            ["sample", "--policy", "edge.yaml", "--size", size.ToString(CultureInfo.InvariantCulture), "--seed", seed, "--name", name]);
        result.ExitCode.ShouldBe(0, result.ToString());
        return result;
    }

    private static async Task<List<Dictionary<string, string>>> ExportAsync(string folder, string batch)
    {
        var result = await CliProcess.RunAsync(folder, ["review", "export", batch, "--format", "jsonl"]);
        result.ExitCode.ShouldBe(0, result.ToString());
        return [.. result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(line)!
                .ToDictionary(p => p.Key, p => p.Value.ValueKind == JsonValueKind.Null ? "" : p.Value.GetString()!))];
    }

    [Fact]
    public async Task Sample_SameSeed_SameBatch()
    {
        var first = Path.Combine(_folder, "first");
        var second = Path.Combine(_folder, "second");
        await IngestAsync(first);
        await IngestAsync(second);

        await SampleAsync(first, "a", 10);
        await SampleAsync(second, "a", 10);

        var firstIds = (await ExportAsync(first, "a")).Select(r => r["event_id"]).ToList();
        firstIds.Count.ShouldBe(10);
        (await ExportAsync(second, "a")).Select(r => r["event_id"]).ShouldBe(firstIds);
    }

    [Fact]
    public async Task Sample_SecondBatch_DrawsNoEventTwice()
    {
        await IngestAsync(_folder);
        await SampleAsync(_folder, "a", 30);

        await SampleAsync(_folder, "b", 30);

        var a = (await ExportAsync(_folder, "a")).Select(r => r["event_id"]).ToList();
        var b = (await ExportAsync(_folder, "b")).Select(r => r["event_id"]).ToList();
        b.Count.ShouldBeGreaterThan(0);
        a.Intersect(b).ShouldBeEmpty();
    }

    [Fact]
    public async Task Sample_ByNetwork_StratifiesRuleAndNetwork()
    {
        await IngestAsync(_folder);

        var wrongStrategy = await CliProcess.RunAsync(_folder,
            ["sample", "--policy", "edge.yaml", "--strategy", "random", "--by", "rule-network"]);
        var result = await CliProcess.RunAsync(_folder, ["sample", "--policy", "edge.yaml", "--by", "rule-network", "--size", "20"]);

        wrongStrategy.ExitCode.ShouldBe(2, wrongStrategy.ToString());
        wrongStrategy.Stderr.ShouldContain("--by rule-network applies to --strategy stratified");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("rule:deny-bots network:192.0.2.0/24");
        result.Stdout.ShouldContain("batch batch-1: 20 events drawn");
    }

    [Fact]
    public async Task Review_Interrupted_ResumesWhereItStopped()
    {
        await IngestAsync(_folder);
        await SampleAsync(_folder, "a", 5);

        var first = await CliProcess.RunAsync(_folder, ["review", "a", "--reviewer", "ana"], stdin: "f looks like a crawler\nt\n");
        var second = await CliProcess.RunAsync(_folder, ["review", "a", "--reviewer", "ana"], stdin: "b\nx\nu\nf\n");

        first.ExitCode.ShouldBe(0, first.ToString());
        first.Stdout.ShouldContain("stopped with 3 events of batch a still unlabelled");
        second.ExitCode.ShouldBe(0, second.ToString());
        second.Stdout.ShouldContain("batch a: 2 of 5 events labelled");
        second.Stdout.ShouldContain("event 3 of 5");
        second.Stdout.ShouldNotContain("event 2 of 5");
        second.Stdout.ShouldContain("unknown choice \"x\"");
        second.Stdout.ShouldContain("every event is labelled");
        var rows = await ExportAsync(_folder, "a");
        rows.Select(r => r["label"]).ShouldBe(["false_positive", "true_positive", "benign", "unsure", "false_positive"]);
        rows[0]["note"].ShouldBe("looks like a crawler");
        rows[0]["reviewer"].ShouldBe("ana");
    }

    [Fact]
    public async Task Review_HostileText_IsEscaped()
    {
        await IngestAsync(_folder);
        await SampleAsync(_folder, "a", 40);

        var labelAll = string.Concat(Enumerable.Repeat("u\n", 40));

        var result = await CliProcess.RunAsync(_folder, ["review", "a"], stdin: labelAll);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldNotContain("\u001b");
        result.Stdout.ShouldNotContain("\u202e");
        result.Stdout.ShouldContain("escape\\x1b[2J\\u202e bot");
        result.Stdout.ShouldContain("[red]markup[/] bot");
    }

    [Fact]
    public async Task Export_HostileCells_AreNeutralised()
    {
        await IngestAsync(_folder);
        await SampleAsync(_folder, "a", 40);
        var first = (await ExportAsync(_folder, "a"))[0]["event_id"];
        var labels = Path.Combine(_folder, "labels.jsonl");
        await File.WriteAllTextAsync(labels,
            JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["event_id"] = first,
                ["label"] = "false_positive",
                ["reviewer"] = "@admin",
                ["note"] = "\t=1+2",
            }) + "\n",
            TestContext.Current.CancellationToken);
        (await CliProcess.RunAsync(_folder, ["review", "import", "labels.jsonl"])).ExitCode.ShouldBe(0);

        var result = await CliProcess.RunAsync(_folder, ["review", "export", "a", "--format", "csv"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        var records = CsvCells.Read(new StringReader(result.Stdout)).ToList();
        records.ShouldAllBe(r => r.Error == null);
        var cells = records.SelectMany(r => r.Cells).ToList();
        cells.ShouldAllBe(c => c.Length == 0 || !"=+-@\t\r".Contains(c[0]));
        cells.ShouldContain("'=cmd|' /C calc'!A0 bot");
        cells.ShouldContain("'+1 bot");
        cells.ShouldContain("'@x bot");
        cells.ShouldContain("'-2 bot");
        cells.ShouldContain("'@admin");
        cells.ShouldContain("'\t=1+2");
    }

    [Fact]
    public async Task Import_InvalidRows_ReportsAllAtOnce()
    {
        await IngestAsync(_folder);
        await SampleAsync(_folder, "a", 5);
        var ids = (await ExportAsync(_folder, "a")).Select(r => r["event_id"]).ToList();
        var csv = "event_id,label,reviewer,note\n"
            + $"{ids[0]},maybe,ana,\n"
            + "no-such-event,true_positive,ana,\n"
            + $"{ids[1]},true_positive,,\n"
            + $"{ids[2]},false_positive,ana,\"a, quoted note\"\n"
            + $"{ids[2]},true_positive,ana,\n";
        await File.WriteAllTextAsync(Path.Combine(_folder, "labels.csv"), csv, TestContext.Current.CancellationToken);

        var result = await CliProcess.RunAsync(_folder, ["review", "import", "labels.csv"]);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("line 2: unknown label \"maybe\"");
        result.Stderr.ShouldContain("line 3: event \"no-such-event\" is in no review batch");
        result.Stderr.ShouldContain("line 4: the reviewer is empty");
        result.Stderr.ShouldContain("line 6: event");
        result.Stderr.ShouldContain("4 problems");
        var precision = await CliProcess.RunAsync(_folder, ["precision", "--policy", "edge.yaml", "--json"]);
        JsonDocument.Parse(precision.Stdout).RootElement.GetProperty("labelled_events").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Labels_FeedPrecisionReplayAndPolicyTest()
    {
        await IngestAsync(_folder);
        await SampleAsync(_folder, "a", 40);
        var rows = await ExportAsync(_folder, "a");
        var csv = new StringBuilder("event_id,label\n");
        foreach (var row in rows)
        {
            csv.Append(row["event_id"]).Append(',').Append(row["rule_id"] == "deny-bots" ? "false_positive" : "true_positive").Append('\n');
        }

        await File.WriteAllTextAsync(Path.Combine(_folder, "labels.csv"), csv.ToString(), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_folder, "edge-v2.yaml"), WithoutBotRule, TestContext.Current.CancellationToken);
        var import = await CliProcess.RunAsync(_folder, ["review", "import", "labels.csv", "--reviewer", "ana"]);
        import.ExitCode.ShouldBe(0, import.ToString());

        var precision = await CliProcess.RunAsync(_folder, ["precision", "--policy", "edge.yaml", "--json"]);
        var replay = await CliProcess.RunAsync(_folder, ["replay", "--policy", "edge-v2.yaml", "--against", "edge.yaml", "--format", "json"]);
        var oldPolicy = await CliProcess.RunAsync(_folder, ["policy", "test", "edge.yaml"]);
        var newPolicy = await CliProcess.RunAsync(_folder, ["policy", "test", "edge-v2.yaml"]);

        precision.ExitCode.ShouldBe(0, precision.ToString());
        var bots = JsonDocument.Parse(precision.Stdout).RootElement.GetProperty("rules").EnumerateArray()
            .Single(r => r.GetProperty("rule_id").GetString() == "deny-bots");
        bots.GetProperty("false_positive_share").GetDouble().ShouldBe(1);
        bots.GetProperty("estimated_false_positives").GetDouble().ShouldBe(bots.GetProperty("rejects").GetInt64());
        var review = JsonDocument.Parse(replay.Stdout).RootElement.GetProperty("review");
        review.GetProperty("false_positives_removed").GetDouble().ShouldBe(bots.GetProperty("rejects").GetInt64());
        review.GetProperty("true_positives_lost").GetDouble().ShouldBe(0);
        oldPolicy.ExitCode.ShouldBe(1, oldPolicy.ToString());
        oldPolicy.Stdout.ShouldContain("labelled false positive, and deny-bots still rejects it");
        oldPolicy.Stdout.ShouldContain("reviewed events: 20 passed, 20 failed");
        newPolicy.ExitCode.ShouldBe(0, newPolicy.ToString());
        newPolicy.Stdout.ShouldContain("reviewed events: 40 passed, 0 failed");
    }

    [Fact]
    public async Task Import_RowNamingAnotherBatch_IsRejectedAndReplacedLabelsAreCounted()
    {
        await IngestAsync(_folder);
        await SampleAsync(_folder, "one", 4);
        var rows = await ExportAsync(_folder, "one");
        var first = rows[0]["event_id"];
        var second = rows[1]["event_id"];
        await File.WriteAllTextAsync(Path.Combine(_folder, "wrong.csv"),
            $"event_id,batch,label,reviewer\n{first},nosuchbatch,true_positive,ana\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_folder, "good.csv"),
            $"event_id,batch,label,reviewer\n{first},one,true_positive,ana\n{second},,false_positive,ana\n",
            TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_folder, "empty.csv"), "", TestContext.Current.CancellationToken);

        var wrong = await CliProcess.RunAsync(_folder, ["review", "import", "wrong.csv"]);
        var good = await CliProcess.RunAsync(_folder, ["review", "import", "good.csv"]);
        var again = await CliProcess.RunAsync(_folder, ["review", "import", "good.csv"]);
        var empty = await CliProcess.RunAsync(_folder, ["review", "import", "empty.csv"]);
        var folder = await CliProcess.RunAsync(_folder, ["review", "import", "."]);

        wrong.ExitCode.ShouldBe(2, wrong.ToString());
        wrong.Stderr.ShouldContain("line 2: event \"" + first + "\" is not in batch \"nosuchbatch\"");
        good.ExitCode.ShouldBe(0, good.ToString());
        good.Stdout.ShouldContain("imported 2 labels from good.csv");
        good.Stdout.ShouldNotContain("replaced");
        again.Stdout.ShouldContain("2 labels replaced an earlier label, which stays in the history");
        empty.ExitCode.ShouldBe(2, empty.ToString());
        empty.Stderr.ShouldContain("holds no label rows");
        folder.ExitCode.ShouldBe(2, folder.ToString());
        folder.Stderr.ShouldContain("is a folder");
    }

    [Fact]
    public async Task Export_OutIntoMissingFolderOrOntoFolder_IsUsageError()
    {
        await IngestAsync(_folder);
        await SampleAsync(_folder, "one", 4);

        var missing = await CliProcess.RunAsync(_folder, ["review", "export", "one", "--out", "nodir/x.csv"]);
        var folder = await CliProcess.RunAsync(_folder, ["review", "export", "one", "--out", "."]);

        missing.ExitCode.ShouldBe(2, missing.ToString());
        missing.Stderr.ShouldContain("does not exist; create it first");
        folder.ExitCode.ShouldBe(2, folder.ToString());
        folder.Stderr.ShouldContain("is a folder");
        missing.Stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Sample_WithOtherStore_HintRepeatsTheStore()
    {
        await IngestAsync(_folder);
        var ingest = await CliProcess.RunAsync(_folder, ["ingest", "access.log", "--store", "my store.duckdb"]);
        ingest.ExitCode.ShouldBe(0, ingest.ToString());

        var sample = await CliProcess.RunAsync(_folder, ["sample", "--policy", "edge.yaml", "--size", "3", "--seed", "1",
            "--name", "b1", "--store", "my store.duckdb"]);
        var badSeed = await CliProcess.RunAsync(_folder, ["sample", "--seed", "abc"]);

        sample.Stdout.ShouldContain("next: policyloop review b1 --store 'my store.duckdb'");
        badSeed.ExitCode.ShouldBe(2);
        badSeed.Stderr.ShouldContain("as a whole number of 0 or more");
        badSeed.Stderr.ShouldContain("Run 'policyloop sample --help'");
        badSeed.Stderr.ShouldNotContain("System.UInt64");
    }
}
