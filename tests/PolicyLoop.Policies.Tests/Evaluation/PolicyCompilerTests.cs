using PolicyLoop.Policies.Evaluation;
using PolicyLoop.Policies.Files;

namespace PolicyLoop.Policies.Tests.Evaluation;

public sealed class PolicyCompilerTests
{
    private static IReadOnlyList<Core.Diagnostic> Compile(string text)
    {
        var (policy, loadDiagnostics) = PolicyLoader.Load(text, "p.yaml");
        loadDiagnostics.ShouldBeEmpty();
        return PolicyCompiler.Compile(policy!, text).Diagnostics;
    }

    [Fact]
    public void Compile_FieldTypo_ReportsPosition()
    {
        var diagnostics = Compile("id: p\nversion: '1'\ndefault: allow\nrules:\n  - id: r\n    when: pth == '/x'\n    action: deny\n");

        var diagnostic = diagnostics.ShouldHaveSingleItem();
        diagnostic.Message.ShouldBe("rule 'r': unknown field 'pth'");
        diagnostic.Location!.Line.ShouldBe(6);
        diagnostic.Location.Column.ShouldBe(11);
        diagnostic.Hint.ShouldBe("did you mean 'path'?");
    }

    [Theory]
    [InlineData("['a', 'b'].exists(x, rate(x, \"1m\") > 2)", "x")]
    [InlineData("['a'].all(client_ip, count(client_ip + path, \"1m\") < 3)", "client_ip")]
    public void Compile_RateKeyReadsMacroVariable_ReportsIt(string condition, string variable)
    {
        var diagnostics = Compile($"id: p\nversion: '1'\ndefault: allow\nrules:\n  - id: r\n    when: '{condition.Replace("'", "''", StringComparison.Ordinal)}'\n    action: deny\n");

        var diagnostic = diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("PL163");
        diagnostic.Message.ShouldContain($"reads '{variable}', a variable of an enclosing macro");
        diagnostic.Hint.ShouldNotBeNull();
    }

    [Fact]
    public void Compile_ErrorsInSeveralRules_ReportsAll()
    {
        var diagnostics = Compile("""
            id: p
            version: "1"
            default: allow
            rules:
              - id: a
                when: user_agnt.contains('bot')
                action: deny
              - id: b
                when: path.matches('(a)\\1')
                action: deny
              - id: c
                when: status > "500"
                action: deny
              - id: d
                when: lowerAscii(path) == 'x'
                action: deny
            """);

        diagnostics.Count.ShouldBe(4);
        diagnostics.Select(d => d.Location!.Line).ShouldBe([6, 9, 12, 15]);
    }

    [Fact]
    public void Compile_BlockScalarError_PointsIntoBlock()
    {
        var diagnostics = Compile("""
            id: p
            version: "1"
            default: allow
            rules:
              - id: a
                when: |
                  has(path)
                    && pth == '/'
                action: deny
            """);

        var location = diagnostics.ShouldHaveSingleItem().Location!;
        location.Line.ShouldBe(8);
        location.Column.ShouldBe(12);
    }
}
