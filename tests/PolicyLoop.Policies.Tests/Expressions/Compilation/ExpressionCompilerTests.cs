using PolicyLoop.Policies.Evaluation;
using PolicyLoop.Policies.Expressions.Compilation;
using PolicyLoop.Policies.Expressions.Runtime;

namespace PolicyLoop.Policies.Tests.Expressions.Compilation;

public sealed class ExpressionCompilerTests
{
    private static object? Eval(string source, params (string Name, object? Value)[] variables)
    {
        var environment = new CompilerEnvironment();
        foreach (var (name, _) in variables)
        {
            environment.Declare(CompilerEnvironment.FreeVariable(name, CelType.Dyn));
        }

        var compiled = ExpressionCompiler.Compile(source, environment);
        compiled.Diagnostics.ShouldBeEmpty();
        var context = new EvaluationContext { Variables = variables.ToDictionary(v => v.Name, v => v.Value) };
        return compiled.Evaluate!(context);
    }

    private static IReadOnlyList<ExpressionDiagnostic> Check(string source) =>
        ExpressionCompiler.Compile(source, new CompilerEnvironment()).Diagnostics;

    [Theory]
    [InlineData("1 + 2 * 3", 7L)]
    [InlineData("'ab' + 'c' == 'abc'", true)]
    [InlineData("[1, 2, 3].exists(x, x > 2)", true)]
    [InlineData("[1, 2, 3].all(x, x > 2)", false)]
    [InlineData("[1, 2, 3].exists_one(x, x > 2)", true)]
    [InlineData("size([1, 2, 3].filter(x, x > 1))", 2L)]
    [InlineData("[1, 2].map(x, x * 2)[1]", 4L)]
    [InlineData("'Hello'.lowerAscii().startsWith('he')", true)]
    [InlineData("1 == 1.0", true)]
    [InlineData("cidr('66.249.64.0/19').containsIP(ip('66.249.66.1'))", true)]
    [InlineData("duration('1h30m') == duration('90m')", true)]
    [InlineData("timestamp('2015-05-17T10:05:03Z').getHours('+02:00')", 12L)]
    [InlineData("{'a': 1}.a", 1L)]
    [InlineData("true ? 'x' : 'y'", "x")]
    [InlineData("'%s took %.2f s, %d%%'.format(['GET /', 1.005, 50])", "GET / took 1.00 s, 50%")]
    [InlineData("'%e'.format([1052.0329])", "1.052033e+03")]
    [InlineData("'%.2f %.0f %.0f'.format([2.675, 2.5, 3.5])", "2.67 2 4")]
    [InlineData("'%x'.format([255])", "ff")]
    public void Compile_ValidExpression_EvaluatesToExpected(string source, object expected)
    {
        Eval(source).ShouldBe(expected);
    }

    [Theory]
    [InlineData("dyn(2) * 3", 6L)]
    [InlineData("dyn(7) % 2", 1L)]
    [InlineData("dyn(9223372036854775807) - 1", 9223372036854775806L)]
    [InlineData("-dyn(5)", -5L)]
    public void Compile_DynIntArithmetic_StaysInt(string source, long expected)
    {
        Eval(source).ShouldBe(expected);
    }

    [Theory]
    [InlineData("false && x", false)]
    [InlineData("x && false", false)]
    [InlineData("true || x", true)]
    [InlineData("x || true", true)]
    public void Compile_ErrorAbsorbedByLogic_ReturnsDecidingValue(string source, bool expected)
    {
        Eval(source, ("x", 1.0 / 0 > 0 ? new CelMap() : null)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("true && x")]
    [InlineData("false || x")]
    public void Compile_ErrorNotAbsorbed_Throws(string source)
    {
        Should.Throw<CelException>(() => Eval(source, ("x", new CelMap())));
    }

    [Fact]
    public void Compile_SeveralErrors_ReportsAllAtOnce()
    {
        var diagnostics = Check("foo(1) && 1 + 'a' && 'x'.matches('(a)\\\\1')");

        diagnostics.Count.ShouldBe(3);
        diagnostics[0].Message.ShouldContain("unknown function 'foo'");
        diagnostics[1].Message.ShouldContain("_+_");
        diagnostics[2].Code.ShouldBe("PL150");
    }

    [Fact]
    public void Compile_BacktrackingRegex_RejectedWithHint()
    {
        var diagnostic = Check("'abc'.matches('a(?=b)')").ShouldHaveSingleItem();

        diagnostic.Message.ShouldContain("backtracking");
        diagnostic.Hint.ShouldNotBeNull().ShouldContain("lookahead");
        diagnostic.Offset.ShouldBe(14);
    }

    [Fact]
    public void Compile_DeeplyNestedParentheses_ReportsNestingError()
    {
        var source = new string('(', 5000) + "1" + new string(')', 5000);

        var diagnostic = Check(source).ShouldHaveSingleItem();

        diagnostic.Message.ShouldContain("nested too deeply");
    }

    [Fact]
    public void Compile_LongOperatorChain_ReportsNestingError()
    {
        var source = string.Join(" + ", Enumerable.Repeat("1", 20_000));

        var diagnostic = Check(source).ShouldHaveSingleItem();

        diagnostic.Message.ShouldContain("nested too deeply");
    }

    [Fact]
    public void Compile_HugeSource_ReportsLengthError()
    {
        var diagnostic = Check("'" + new string('a', 200_000) + "'").ShouldHaveSingleItem();

        diagnostic.Message.ShouldContain("too long");
    }
}
