using FsCheck;
using FsCheck.Fluent;
using PolicyLoop.Policies.Evaluation;
using PolicyLoop.Policies.Expressions.Compilation;
using PolicyLoop.Policies.Expressions.Runtime;

namespace PolicyLoop.Policies.Tests.Expressions.Compilation;

/// <summary>
/// Compares the typed fast paths (variables declared int and string) with the slow dynamic path (the same
/// variables declared dyn), which goes through the reference implementations in <see cref="CelOperators"/>
/// and <see cref="CelValues"/>.
/// </summary>
public sealed class TypedFastPathPropertyTests
{
    private static readonly string[] IntOperators = ["+", "-", "*", "/", "%"];
    private static readonly string[] Comparisons = ["<", "<=", ">", ">=", "==", "!="];

    private static Gen<string> IntExpression(int depth)
    {
        var leaf = Gen.OneOf(
            Gen.Elements("a", "b", "9223372036854775807", "-9223372036854775807", "0", "-1", "3"),
            Gen.Choose(-100, 100).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (depth == 0)
        {
            return leaf;
        }

        var binary = from left in IntExpression(depth - 1)
                     from op in Gen.Elements(IntOperators)
                     from right in IntExpression(depth - 1)
                     select $"({left} {op} {right})";
        return Gen.OneOf(leaf, binary);
    }

    private static Gen<string> BoolExpression(int depth)
    {
        var comparison = from left in IntExpression(2)
                         from op in Gen.Elements(Comparisons)
                         from right in IntExpression(2)
                         select $"{left} {op} {right}";
        var text = from f in Gen.Elements("s.startsWith(t)", "s.contains(t)", "s.endsWith(t)", "s == t", "s < t", "size(s) > a")
                   select f;
        var leaf = Gen.OneOf(comparison, text);
        if (depth == 0)
        {
            return leaf;
        }

        var logical = from left in BoolExpression(depth - 1)
                      from op in Gen.Elements("&&", "||")
                      from right in BoolExpression(depth - 1)
                      select $"({left} {op} {right})";
        var negation = BoolExpression(depth - 1).Select(e => $"!({e})");
        var conditional = from c in BoolExpression(depth - 1)
                          from x in BoolExpression(depth - 1)
                          from y in BoolExpression(depth - 1)
                          select $"({c} ? {x} : {y})";
        return Gen.OneOf(leaf, logical, negation, conditional);
    }

    private static string Outcome(string source, CelType intType, CelType stringType, Dictionary<string, object?> values)
    {
        var environment = new CompilerEnvironment()
            .Declare(CompilerEnvironment.FreeVariable("a", intType))
            .Declare(CompilerEnvironment.FreeVariable("b", intType))
            .Declare(CompilerEnvironment.FreeVariable("s", stringType))
            .Declare(CompilerEnvironment.FreeVariable("t", stringType));
        var compiled = ExpressionCompiler.Compile(source, environment);
        if (!compiled.Succeeded)
        {
            return "compile error: " + compiled.Diagnostics[0].Message;
        }

        try
        {
            return CelFormat.Display(compiled.Evaluate!(new EvaluationContext { Variables = values }));
        }
        catch (CelException)
        {
            return "error";
        }
    }

    [Fact]
    public void Compile_TypedAndDynamicPaths_Agree()
    {
        var cases = from expression in BoolExpression(2)
                    from a in Gen.Elements(0L, 1L, -7L, long.MaxValue, long.MinValue, 42L)
                    from b in Gen.Elements(0L, 2L, -1L, 9L)
                    from s in Gen.Elements("", "abc", "/wp-admin", "ÿ🐱")
                    from t in Gen.Elements("", "a", "/wp", "🐱")
                    select (expression, a, b, s, t);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var values = new Dictionary<string, object?> { ["a"] = c.a, ["b"] = c.b, ["s"] = c.s, ["t"] = c.t };
            var typed = Outcome(c.expression, CelType.Int, CelType.String, values);
            var dynamic = Outcome(c.expression, CelType.Dyn, CelType.Dyn, values);
            return typed == dynamic;
        }).QuickCheckThrowOnFailure();
    }
}
