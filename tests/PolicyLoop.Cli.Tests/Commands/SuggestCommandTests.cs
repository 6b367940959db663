using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PolicyLoop.Cli.Tests.Commands;

public sealed partial class SuggestCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policyloop-suggest-").FullName;

    private static string SampleLog => Path.Combine(CliProcess.RepositoryRoot, "samples", "logs", "apache_access.log");

    private static string SamplePolicy => Path.Combine(CliProcess.RepositoryRoot, "samples", "policies", "edge.yaml");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ExplainAndSuggest_BundledSample_FindCrawlerAndHeavyClients()
    {
        var analyze = await CliProcess.RunAsync(_folder, ["analyze", SampleLog, "--policy", SamplePolicy, "--out", "out"]);
        analyze.ExitCode.ShouldBe(0, analyze.ToString());
        var html = await File.ReadAllTextAsync(Path.Combine(_folder, "out", "index.html"), TestContext.Current.CancellationToken);
        html.ShouldContain("<h2>Patterns</h2>");
        html.ShouldContain("Message templates of the rejects");

        var repeat = await ExplainAsync("deny-repeat-offenders");
        repeat.ShouldContain("user agent Googlebot/2");
        repeat.ShouldContain("client 66.249.73.135");
        var throttle = await ExplainAsync("throttle-per-client");
        throttle.ShouldContain("client 130.237.218.86");
        throttle.ShouldContain("client 75.97.9.59");

        var suggest = await CliProcess.RunAsync(_folder,
            ["suggest", "--policy", SamplePolicy, "--rule", "deny-repeat-offenders"]);
        suggest.ExitCode.ShouldBe(0, suggest.ToString());
        suggest.Stdout.ShouldContain("search crawler Googlebot/2");
    }

    [Theory]
    [InlineData("deny-bots")]
    [InlineData("throttle-per-client")]
    public async Task Suggest_WrittenPatch_ReplaysAsShown(string rule)
    {
        var ingest = await CliProcess.RunAsync(_folder, ["ingest", SampleLog]);
        ingest.ExitCode.ShouldBe(0, ingest.ToString());

        var suggest = await CliProcess.RunAsync(_folder,
            ["suggest", "--policy", SamplePolicy, "--rule", rule, "--write", "candidate.yaml"]);
        suggest.ExitCode.ShouldBe(0, suggest.ToString());
        var shown = ReplayLine().Match(suggest.Stdout);
        shown.Success.ShouldBeTrue(suggest.Stdout);

        var check = await CliProcess.RunAsync(_folder, ["policy", "check", "candidate.yaml"]);
        check.ExitCode.ShouldBe(0, check.ToString());
        var replay = await CliProcess.RunAsync(_folder,
            ["replay", "--policy", "candidate.yaml", "--against", SamplePolicy, "--format", "json"]);
        replay.ExitCode.ShouldBe(0, replay.ToString());
        using var json = JsonDocument.Parse(replay.Stdout);
        var counts = json.RootElement.GetProperty("counts");
        counts.GetProperty("considered").GetInt64().ShouldBe(Number(shown, "considered"));
        counts.GetProperty("reject_to_allow").GetInt64().ShouldBe(Number(shown, "allowed"));
        counts.GetProperty("allow_to_reject").GetInt64().ShouldBe(Number(shown, "rejected"));
        (counts.GetProperty("action_changed").GetInt64() + counts.GetProperty("rule_changed").GetInt64())
            .ShouldBe(Number(shown, "other"));
        Number(shown, "allowed").ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Suggest_WithFewLabelsForTheRule_KeepsBenignSegmentsAndShowsReviewEstimate()
    {
        // The demo labels hold only 8 reviews of deny-bots: too few for a false-positive segment, which once left
        // suggest with nothing to offer as soon as the store had any label.
        var labels = Path.Combine(CliProcess.RepositoryRoot, "samples", "reviews", "edge-demo-labels.csv");
        (await CliProcess.RunAsync(_folder, ["ingest", SampleLog])).ExitCode.ShouldBe(0);
        var sample = await CliProcess.RunAsync(_folder, ["sample", "--policy", SamplePolicy, "--strategy", "stratified",
            "--size", "60", "--seed", "7", "--name", "edge-demo"]);
        sample.ExitCode.ShouldBe(0, sample.ToString());
        var import = await CliProcess.RunAsync(_folder, ["review", "import", labels]);
        import.ExitCode.ShouldBe(0, import.ToString());

        var suggest = await CliProcess.RunAsync(_folder, ["suggest", "--policy", SamplePolicy, "--rule", "deny-bots"]);
        var explain = await CliProcess.RunAsync(_folder,
            ["explain", "--policy", SamplePolicy, "--rule", "deny-bots", "--versus", "true-positives"]);

        suggest.ExitCode.ShouldBe(0, suggest.ToString());
        suggest.Stdout.ShouldContain("search crawler Googlebot/2");
        suggest.Stdout.ShouldContain("review estimate: from 52 reviewed rejects: false positives removed");
        explain.ExitCode.ShouldBe(0, explain.ToString());
    }

    [Fact]
    public async Task Suggest_WriteOntoExistingFileOrFolder_RefusesWithoutForce()
    {
        (await CliProcess.RunAsync(_folder, ["ingest", SampleLog])).ExitCode.ShouldBe(0);
        var mine = Path.Combine(_folder, "mine.yaml");
        File.Copy(SamplePolicy, mine);
        var before = await File.ReadAllTextAsync(mine, TestContext.Current.CancellationToken);

        var onItself = await CliProcess.RunAsync(_folder, ["suggest", "--policy", "mine.yaml", "--rule", "deny-bots", "--write", "mine.yaml"]);
        var onFolder = await CliProcess.RunAsync(_folder, ["suggest", "--policy", "mine.yaml", "--rule", "deny-bots", "--write", "."]);
        var unchanged = await File.ReadAllTextAsync(mine, TestContext.Current.CancellationToken);
        var forced = await CliProcess.RunAsync(_folder,
            ["suggest", "--policy", "mine.yaml", "--rule", "deny-bots", "--write", "mine.yaml", "--force"]);

        onItself.ExitCode.ShouldBe(2, onItself.ToString());
        onItself.Stderr.ShouldContain("exists already; pass another file name, or --force");
        unchanged.ShouldBe(before);
        onFolder.ExitCode.ShouldBe(2, onFolder.ToString());
        onFolder.Stderr.ShouldContain("is a folder");
        forced.ExitCode.ShouldBe(0, forced.ToString());
        (await File.ReadAllTextAsync(mine, TestContext.Current.CancellationToken)).ShouldNotBe(before);
    }

    [Fact]
    public async Task PolicyTestAndWatch_MissingNamedFiles_AreUsageErrors()
    {
        var test = await CliProcess.RunAsync(_folder, ["policy", "test", SamplePolicy, "--store", "nosuch.duckdb"]);
        var watch = await CliProcess.RunAsync(_folder, ["watch", "--once", "--follow", "nosuch.log"]);

        test.ExitCode.ShouldBe(2, test.ToString());
        test.Stderr.ShouldContain("store not found: nosuch.duckdb");
        watch.ExitCode.ShouldBe(2, watch.ToString());
        watch.Stderr.ShouldContain("--follow nosuch.log: no such file");
    }

    [Fact]
    public async Task Suggest_UnknownRule_ExitsWithUsageError()
    {
        var ingest = await CliProcess.RunAsync(_folder, ["ingest", SampleLog]);
        ingest.ExitCode.ShouldBe(0, ingest.ToString());

        var result = await CliProcess.RunAsync(_folder, ["suggest", "--policy", SamplePolicy, "--rule", "no-such-rule"]);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("rule no-such-rule is not in");
    }

    [Fact]
    public async Task Suggest_EnrichedCrawlerRanges_ExemptsTheLabel()
    {
        var enrichment = Path.Combine(CliProcess.RepositoryRoot, "samples", "enrichment", "enrich.yaml");
        var ingest = await CliProcess.RunAsync(_folder, ["ingest", SampleLog]);
        ingest.ExitCode.ShouldBe(0, ingest.ToString());

        var enrich = await CliProcess.RunAsync(_folder, ["enrich", enrichment]);
        var suggest = await CliProcess.RunAsync(_folder, ["suggest", "--policy", SamplePolicy, "--rule", "deny-bots"]);

        enrich.ExitCode.ShouldBe(0, enrich.ToString());
        enrich.Stdout.ShouldContain("enriched 10,000 stored events");
        suggest.ExitCode.ShouldBe(0, suggest.ToString());
        suggest.Stdout.ShouldContain("labels[\"crawler\"] == \"googlebot\"");
    }

    private async Task<string> ExplainAsync(string rule)
    {
        var result = await CliProcess.RunAsync(_folder, ["explain", "--policy", SamplePolicy, "--rule", rule]);
        result.ExitCode.ShouldBe(0, result.ToString());
        return result.Stdout;
    }

    private static long Number(Match match, string group) =>
        long.Parse(match.Groups[group].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"replay over (?<considered>[\d,]+) events: (?<allowed>[\d,]+) newly allowed, "
        + @"(?<rejected>[\d,]+) newly rejected, (?<other>[\d,]+) rejected by another rule")]
    private static partial Regex ReplayLine();
}
