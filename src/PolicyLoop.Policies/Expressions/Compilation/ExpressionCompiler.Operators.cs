using System.Collections;
using System.Linq.Expressions;
using PolicyLoop.Policies.Expressions.Runtime;
using PolicyLoop.Policies.Expressions.Syntax;

namespace PolicyLoop.Policies.Expressions.Compilation;

public sealed partial class ExpressionCompiler
{
    private static readonly System.Reflection.MethodInfo StringConcat =
        typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!;

    private Typed CompileBinary(BinaryExpr binary, int depth)
    {
        if (binary.Operator is TokenKind.And or TokenKind.Or)
        {
            return CompileLogical(binary, depth);
        }

        if (binary.Operator == TokenKind.In && binary.Right is SelectExpr { Operand: IdentExpr { Name: "lists" } } named
            && !_scope.ContainsKey("lists"))
        {
            return CompileListMembership(binary, named, depth);
        }

        var left = CompileNode(binary.Left, depth + 1);
        var right = CompileNode(binary.Right, depth + 1);
        if (left.IsError || right.IsError)
        {
            return Error();
        }

        return binary.Operator switch
        {
            TokenKind.Equal => CompileEquality(binary, left, right, negate: false),
            TokenKind.NotEqual => CompileEquality(binary, left, right, negate: true),
            TokenKind.Less or TokenKind.LessOrEqual or TokenKind.Greater or TokenKind.GreaterOrEqual
                => CompileComparison(binary, left, right),
            TokenKind.In => CompileIn(binary, left, right),
            _ => CompileArithmetic(binary, left, right),
        };
    }

    private static string OperatorName(TokenKind kind) => kind switch
    {
        TokenKind.Plus => "_+_",
        TokenKind.Minus => "_-_",
        TokenKind.Star => "_*_",
        TokenKind.Slash => "_/_",
        TokenKind.Percent => "_%_",
        TokenKind.Equal => "_==_",
        TokenKind.NotEqual => "_!=_",
        TokenKind.Less => "_<_",
        TokenKind.LessOrEqual => "_<=_",
        TokenKind.Greater => "_>_",
        TokenKind.GreaterOrEqual => "_>=_",
        TokenKind.In => "@in",
        _ => kind.ToString(),
    };

    private Typed NoOverload(BinaryExpr binary, Typed left, Typed right, string? hint = null) =>
        Report("PL131", $"found no matching overload for '{OperatorName(binary.Operator)}' applied to '({left.Type}, {right.Type})'",
            binary, hint);

    private Typed CompileEquality(BinaryExpr binary, Typed left, Typed right, bool negate)
    {
        var (l, r) = (left.Type, right.Type);
        var comparable = l.IsDyn || r.IsDyn || l.Accepts(r) || (l.IsNumeric && r.IsNumeric)
            || (l.IsList && r.IsList) || (l.IsMap && r.IsMap)
            || l.Equals(CelType.Null) || r.Equals(CelType.Null);
        if (!comparable)
        {
            return NoOverload(binary, left, right, "both sides of == must have the same type; convert one with int(), string() or double()");
        }

        Expression test = SameClr(left, right, typeof(long)) || SameClr(left, right, typeof(bool)) || SameClr(left, right, typeof(ulong))
            ? Expression.Equal(left.Expression, right.Expression)
            : SameClr(left, right, typeof(string))
                ? Expression.Call(typeof(string), nameof(string.Equals), null, left.Expression, right.Expression,
                    Expression.Constant(StringComparison.Ordinal))
                : Expression.Call(typeof(CelValues), nameof(CelValues.AreEqual), null, Box(left.Expression), Box(right.Expression));
        return new Typed(negate ? Expression.Not(test) : test, CelType.Bool);
    }

    private static bool SameClr(Typed left, Typed right, Type type) =>
        left.Expression.Type == type && right.Expression.Type == type;

    private Typed CompileComparison(BinaryExpr binary, Typed left, Typed right)
    {
        var (l, r) = (left.Type, right.Type);
        var orderable = l.IsDyn || r.IsDyn || (l.IsNumeric && r.IsNumeric)
            || (l.Equals(r) && (l.Equals(CelType.String) || l.Equals(CelType.Bool) || l.Equals(CelType.Bytes)
                || l.Equals(CelType.Timestamp) || l.Equals(CelType.Duration)));
        if (!orderable)
        {
            return NoOverload(binary, left, right);
        }

        if (SameClr(left, right, typeof(long)) || SameClr(left, right, typeof(ulong)) || SameClr(left, right, typeof(double)))
        {
            return new Typed(Expression.MakeBinary(ComparisonType(binary.Operator), left.Expression, right.Expression), CelType.Bool);
        }

        if (SameClr(left, right, typeof(string)))
        {
            var order = Expression.Call(typeof(string), nameof(string.CompareOrdinal), null, left.Expression, right.Expression);
            return new Typed(Expression.MakeBinary(ComparisonType(binary.Operator), order, Expression.Constant(0)), CelType.Bool);
        }

        var method = binary.Operator switch
        {
            TokenKind.Less => nameof(CelOperators.Less),
            TokenKind.LessOrEqual => nameof(CelOperators.LessOrEqual),
            TokenKind.Greater => nameof(CelOperators.Greater),
            _ => nameof(CelOperators.GreaterOrEqual),
        };
        return new Typed(Call(method, Box(left.Expression), Box(right.Expression)), CelType.Bool);
    }

    private static ExpressionType ComparisonType(TokenKind kind) => kind switch
    {
        TokenKind.Less => ExpressionType.LessThan,
        TokenKind.LessOrEqual => ExpressionType.LessThanOrEqual,
        TokenKind.Greater => ExpressionType.GreaterThan,
        _ => ExpressionType.GreaterThanOrEqual,
    };

    private Typed CompileIn(BinaryExpr binary, Typed left, Typed right)
    {
        var container = right.Type;
        var valid = container.IsDyn
            || (container.IsList && (container.Element is null || container.Element.Accepts(left.Type)
                || (left.Type.IsNumeric && container.Element.IsNumeric)))
            || (container.IsMap && (container.Key is null || container.Key.Accepts(left.Type) || left.Type.IsNumeric));
        if (!valid)
        {
            return NoOverload(binary, left, right);
        }

        if (left.Expression.Type == typeof(string) && container.IsList)
        {
            return new Typed(Call(nameof(CelOperators.InStrings), left.Expression, AsClr(right, typeof(IList), "@in")), CelType.Bool);
        }

        return new Typed(Call(nameof(CelOperators.In), Box(left.Expression), Box(right.Expression)), CelType.Bool);
    }

    private Typed CompileListMembership(BinaryExpr binary, SelectExpr named, int depth)
    {
        var left = CompileNode(binary.Left, depth + 1);
        if (!_environment.Lists.TryGetValue(named.Field, out var list))
        {
            return CompileNamedList(named);
        }

        if (left.IsError)
        {
            return left;
        }

        if (!left.Type.IsDyn && !left.Type.Equals(CelType.String))
        {
            return Report("PL131", $"list membership needs a string, found {left.Type}", binary.Left, "convert with string()");
        }

        var contains = Expression.Call(Expression.Constant(list), nameof(NamedList.Contains), null,
            AsClr(left, typeof(string), "@in"));
        return new Typed(contains, CelType.Bool);
    }

    private Typed CompileArithmetic(BinaryExpr binary, Typed left, Typed right)
    {
        var (l, r) = (left.Type, right.Type);
        if (l.Equals(r) && l.Equals(CelType.Double) && binary.Operator != TokenKind.Percent)
        {
            var kind = binary.Operator switch
            {
                TokenKind.Plus => ExpressionType.Add,
                TokenKind.Minus => ExpressionType.Subtract,
                TokenKind.Star => ExpressionType.Multiply,
                _ => ExpressionType.Divide,
            };
            return new Typed(Expression.MakeBinary(kind, left.Expression, right.Expression), CelType.Double);
        }

        if (l.Equals(r) && (l.Equals(CelType.Int) || l.Equals(CelType.Uint)))
        {
            var suffix = l.Equals(CelType.Int) ? "Int" : "Uint";
            return new Typed(Call(ArithmeticName(binary.Operator) + suffix, left.Expression, right.Expression), l);
        }

        if (l.Equals(r) && l.Equals(CelType.String) && binary.Operator == TokenKind.Plus)
        {
            return new Typed(Expression.Call(StringConcat, left.Expression, right.Expression),
                CelType.String);
        }

        var result = ArithmeticResult(binary.Operator, l, r);
        return result is null
            ? NoOverload(binary, left, right)
            : new Typed(Call(ArithmeticName(binary.Operator), Box(left.Expression), Box(right.Expression)), result);
    }

    private static string ArithmeticName(TokenKind kind) => kind switch
    {
        TokenKind.Plus => nameof(CelOperators.Add),
        TokenKind.Minus => nameof(CelOperators.Subtract),
        TokenKind.Star => nameof(CelOperators.Multiply),
        TokenKind.Slash => nameof(CelOperators.Divide),
        _ => nameof(CelOperators.Modulo),
    };

    /// <summary>The static result type of a dyn or non-numeric arithmetic operation, or null when no overload fits.</summary>
    private static CelType? ArithmeticResult(TokenKind kind, CelType l, CelType r)
    {
        if (l.IsDyn || r.IsDyn)
        {
            return CelType.Dyn;
        }

        var (ts, du) = (CelType.Timestamp, CelType.Duration);
        return kind switch
        {
            TokenKind.Plus when l.IsList && r.IsList => l.Equals(r) ? l : CelType.DynList,
            TokenKind.Plus when l.Equals(r) && (l.Equals(CelType.Bytes) || l.Equals(du)) => l,
            TokenKind.Plus when (l.Equals(ts) && r.Equals(du)) || (l.Equals(du) && r.Equals(ts)) => ts,
            TokenKind.Minus when l.Equals(ts) && r.Equals(ts) => du,
            TokenKind.Minus when l.Equals(ts) && r.Equals(du) => ts,
            TokenKind.Minus when l.Equals(du) && r.Equals(du) => du,
            _ => null,
        };
    }
}
