using System.Linq.Expressions;
using PolicyLoop.Policies.Expressions.Runtime;
using PolicyLoop.Policies.Expressions.Syntax;

namespace PolicyLoop.Policies.Expressions.Compilation;

public sealed partial class ExpressionCompiler
{
    /// <summary>
    /// Compiles <c>&amp;&amp;</c> and <c>||</c> with CEL's commutative error handling: <c>false &amp;&amp; error</c> is
    /// false and <c>true || error</c> is true, whichever side the error is on; otherwise the error propagates.
    /// </summary>
    private Typed CompileLogical(BinaryExpr binary, int depth)
    {
        var left = CompileNode(binary.Left, depth + 1);
        var right = CompileNode(binary.Right, depth + 1);
        var name = binary.Operator == TokenKind.And ? "_&&_" : "_||_";
        if (!CheckBool(left, binary.Left, name) | !CheckBool(right, binary.Right, name))
        {
            return Error();
        }

        var decisive = binary.Operator == TokenKind.Or;
        var leftValue = Expression.Variable(typeof(bool), "left");
        var leftError = Expression.Variable(typeof(CelException), "leftError");
        var rightError = Expression.Variable(typeof(CelException), "rightError");
        var result = Expression.Label(typeof(bool), "result");

        var tryLeft = Expression.TryCatch(
            AsClr(left, typeof(bool), name),
            Expression.Catch(rightError, Expression.Block(Expression.Assign(leftError, rightError), Expression.Constant(!decisive))));
        var tryRight = Expression.TryCatch(
            AsClr(right, typeof(bool), name),
            Expression.Catch(rightError, Expression.Throw(Expression.Coalesce(leftError, rightError), typeof(bool))));

        var body = Expression.Block(
            typeof(bool),
            [leftValue, leftError],
            Expression.Assign(leftError, Expression.Constant(null, typeof(CelException))),
            Expression.Assign(leftValue, tryLeft),
            Expression.IfThen(Expression.Equal(leftValue, Expression.Constant(decisive)),
                Expression.Return(result, Expression.Constant(decisive))),
            Expression.IfThen(Expression.Equal(tryRight, Expression.Constant(decisive)),
                Expression.Return(result, Expression.Constant(decisive))),
            Expression.IfThen(Expression.NotEqual(leftError, Expression.Constant(null, typeof(CelException))),
                Expression.Throw(leftError)),
            Expression.Label(result, Expression.Constant(!decisive)));
        return new Typed(body, CelType.Bool);
    }

    private bool CheckBool(Typed operand, Expr node, string function)
    {
        if (operand.IsError)
        {
            return false;
        }

        if (operand.Type.Equals(CelType.Bool) || operand.Type.IsDyn || _environment.DeferTypeErrors)
        {
            return true;
        }

        Report("PL130", $"found no matching overload for '{function}': operand is {operand.Type}, not bool", node,
            "compare the value to get a bool, for example size(x) > 0");
        return false;
    }

    private Typed CompileUnary(UnaryExpr unary, int depth)
    {
        var operand = CompileNode(unary.Operand, depth + 1);
        if (operand.IsError)
        {
            return operand;
        }

        if (unary.Operator == TokenKind.Bang)
        {
            return CheckBool(operand, unary.Operand, "!_")
                ? new Typed(Expression.Not(AsClr(operand, typeof(bool), "!_")), CelType.Bool)
                : Error();
        }

        if (operand.Type.Equals(CelType.Int))
        {
            return new Typed(Call(nameof(CelOperators.NegateInt), operand.Expression), CelType.Int);
        }

        if (operand.Type.Equals(CelType.Double))
        {
            return new Typed(Expression.Negate(operand.Expression), CelType.Double);
        }

        if (!operand.Type.IsDyn && !operand.Type.Equals(CelType.Duration))
        {
            return Report("PL131", $"found no matching overload for '-_' applied to '({operand.Type})'", unary);
        }

        return new Typed(Call(nameof(CelOperators.Negate), Box(operand.Expression)), operand.Type);
    }

    private Typed CompileConditional(ConditionalExpr conditional, int depth)
    {
        var condition = CompileNode(conditional.Condition, depth + 1);
        var then = CompileNode(conditional.Then, depth + 1);
        var otherwise = CompileNode(conditional.Otherwise, depth + 1);
        if (!CheckBool(condition, conditional.Condition, "_?_:_") || then.IsError || otherwise.IsError)
        {
            return Error();
        }

        var test = AsClr(condition, typeof(bool), "_?_:_");
        if (then.Expression.Type == otherwise.Expression.Type && then.Type.Equals(otherwise.Type))
        {
            return new Typed(Expression.Condition(test, then.Expression, otherwise.Expression), then.Type);
        }

        var type = then.Type.Equals(otherwise.Type) ? then.Type : CelType.Dyn;
        return new Typed(Expression.Condition(test, Box(then.Expression), Box(otherwise.Expression)), type);
    }

    private static MethodCallExpression Call(string method, params Expression[] args) =>
        Expression.Call(typeof(CelOperators), method, null, args);
}
