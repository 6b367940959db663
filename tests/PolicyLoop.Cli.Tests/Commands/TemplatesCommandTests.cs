using System.Text.Json;
using PolicyLoop.Cli.Commands;

namespace PolicyLoop.Cli.Tests.Commands;

public sealed class TemplatesCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policyloop-templates-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Line(string ip, int second, string request, int status) =>
        $"{ip} - - [17/May/2015:10:05:{second:00} +0000] \"{request} HTTP/1.1\" {status} 512 \"-\" \"curl/8.0\"";

    private async Task IngestAsync()
    {
        string[] lines = [
            Line("192.0.2.1", 1, "GET /admin/users/17", 403),
            Line("192.0.2.2", 2, "GET /admin/users/18", 403),
            Line("192.0.2.3", 3, "GET /admin/users/19", 403),
            Line("192.0.2.4", 4, "GET /index.html", 200),
            Line("192.0.2.5", 5, "POST /login", 403),
        ];
        var path = Path.Combine(_folder, "access.log");
        await File.WriteAllTextAsync(path, string.Join('\n', lines) + "\n", TestContext.Current.CancellationToken);
        var ingest = await CliProcess.RunAsync(_folder, ["ingest", path]);
        ingest.ExitCode.ShouldBe(0, ingest.ToString());
    }

    [Fact]
    public async Task Templates_Rejects_PrintsConcentration()
    {
        await IngestAsync();

        var result = await CliProcess.RunAsync(_folder, ["templates"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("fall into 2 templates; 75% are template T1");
    }

    [Fact]
    public async Task Templates_Json_PrintsOneObjectPerTemplate()
    {
        await IngestAsync();

        var result = await CliProcess.RunAsync(_folder, ["templates", "--json"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        var rows = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
        rows.Select(row => row.GetProperty("rejects").GetInt64()).ShouldBe([3L, 1L]);
        rows[0].GetProperty("template").GetString()!.ShouldContain("\"GET <*> HTTP/1.1\" <*>");
    }

    [Fact]
    public async Task Templates_ZeroTop_FailsWithUsage()
    {
        await IngestAsync();

        var result = await CliProcess.RunAsync(_folder, ["templates", "--top", "0"]);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("--top");
    }

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("red \u001b[31m here", "red \\u001B[31m here")]
    [InlineData("line\nbreak\u0007", "line\\u000Abreak\\u0007")]
    public void Printable_ControlCharacters_AreEscaped(string text, string expected) =>
        TemplatesCommand.Printable(text).ShouldBe(expected);

    [Fact]
    public async Task Templates_WithPolicy_GroupsUnderTheDecidingRule()
    {
        // The log decides nothing for /index.html, but this policy denies every GET: its templates are then listed
        // under the policy's rule, not under "(no rule logged)".
        await IngestAsync();
        var policy = Path.Combine(_folder, "p.yaml");
        await File.WriteAllTextAsync(policy, """
            id: p
            version: "1"
            default: allow
            rules:
              - id: deny-get
                action: deny
                when: method == "GET"
            """, TestContext.Current.CancellationToken);

        var result = await CliProcess.RunAsync(_folder, ["templates", "--policy", policy]);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("rejects by rule deny-get (4) fall into");
        result.Stdout.ShouldNotContain("no rule logged");
    }
}
