using PolicyLoop.Core;
using PolicyLoop.Ingest.Formats.Jsonl;
using static PolicyLoop.Ingest.Tests.Formats.ParserTestKit;

namespace PolicyLoop.Ingest.Tests.Formats.Jsonl;

public sealed class JsonMappingLoaderTests
{
    [Fact]
    public void Load_GatewaySample_BuildsMapping()
    {
        var mapping = JsonMappingLoader.Load(SamplePath("gateway.mapping.yaml"), out var problems);

        problems.ShouldBeEmpty();
        mapping.ShouldNotBeNull();
        mapping.Source.ShouldBe("edge-gateway");
        mapping.TimeFormat.ShouldBe(TimeFormat.Rfc3339);
        mapping.Fields["status"].Text.ShouldBe("req.status");
        mapping.Decision.ShouldNotBeNull().Values["RATE_LIMITED"].ShouldBe(Decision.Throttle);
        mapping.Decision.Default.ShouldBe(Decision.Unknown);
        mapping.Mode.ShouldNotBeNull().Values["true"].ShouldBe(EnforcementMode.Shadow);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsAll()
    {
        const string Yaml = """
            source: gw
            time_format: unix_minutes
            colour: blue
            fields:
              status: req..status
              verdict: v
            decision:
              path: v
              values:
                PASS: permit
              default: maybe
            """;

        JsonMappingLoader.Parse(Yaml, "m.yaml", out var problems).ShouldBeNull();

        problems.Select(p => p.Location?.ToString()).ShouldBe(
            ["m.yaml:2:14", "m.yaml:3:1", "m.yaml:5:15", "m.yaml:6:3", "m.yaml:4:1", "m.yaml:10:11", "m.yaml:11:12"]);
        problems[0].Message.ShouldBe("invalid time_format \"unix_minutes\"");
        problems[1].Message.ShouldBe("unknown key \"colour\"");
        problems[2].Message.ShouldStartWith("invalid JSON path \"req..status\" in fields.status");
        problems[3].Message.ShouldBe("unknown event field \"verdict\"");
        problems[4].Message.ShouldBe("missing field \"time\" in fields");
        problems[5].Message.ShouldBe("invalid value \"permit\" in decision.values.PASS");
        problems[6].Message.ShouldBe("invalid value \"maybe\" in decision.default");
    }

    [Fact]
    public void Parse_InvalidYaml_ReportsPosition()
    {
        JsonMappingLoader.Parse("fields:\n  time: [ts\n", "bad.yaml", out var problems).ShouldBeNull();

        var problem = problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe("PL1100");
        problem.Message.ShouldStartWith("invalid YAML");
        problem.Location.ShouldNotBeNull().Line.ShouldBeGreaterThan(1);
    }

    [Theory]
    [InlineData("", "the mapping file must be a YAML mapping")]
    [InlineData("source: x\n", "missing key \"fields\"")]
    [InlineData("fields:\n  time: ts\nmode: sometimes\n", "invalid mode \"sometimes\"")]
    [InlineData("fields:\n  time: ts\ndecision:\n  values: {a: deny}\n", "missing key \"path\" in decision")]
    [InlineData("fields:\n  time: ts\n  decision: v\n", "unknown event field \"decision\"")]
    public void Parse_InvalidMapping_ReportsProblem(string yaml, string message)
    {
        JsonMappingLoader.Parse(yaml, "m.yaml", out var problems).ShouldBeNull();

        problems.ShouldContain(problem => problem.Message.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MissingFile_ReportsCannotRead()
    {
        JsonMappingLoader.Load("/nonexistent/mapping.yaml", out var problems).ShouldBeNull();

        problems.ShouldHaveSingleItem().Message.ShouldStartWith("cannot read the mapping file");
    }

    [Fact]
    public void Describe_Problems_ListsOnePerLine()
    {
        JsonMappingLoader.Parse("colour: x\n", "m.yaml", out var problems);

        JsonMappingLoader.Describe(problems).ShouldBe("""
            the mapping file has 2 problems:
              m.yaml:1:1: PL1101: unknown key "colour" (expected one of: source, time_format, mode, fields, decision)
              m.yaml:1:1: PL1103: missing key "fields" (add a fields section that maps at least time)
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Parse_DecisionOnlyWithoutFieldsRequirement_Loads()
    {
        var mapping = JsonMappingLoader.Parse("decision: {path: result.outcome, default: unknown}\n", "opa.yaml",
            out var problems, requireFields: false);

        problems.ShouldBeEmpty();
        mapping.ShouldNotBeNull().Fields.ShouldBeEmpty();
        mapping.Decision.ShouldNotBeNull().Path.Text.ShouldBe("result.outcome");
    }
}
