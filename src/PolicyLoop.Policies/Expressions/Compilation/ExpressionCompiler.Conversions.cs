using System.Collections;
using System.Linq.Expressions;
using PolicyLoop.Policies.Expressions.Functions;
using PolicyLoop.Policies.Expressions.Runtime;

namespace PolicyLoop.Policies.Expressions.Compilation;

public sealed partial class ExpressionCompiler
{
    private static Expression Box(Expression expression) =>
        expression.Type == typeof(object) ? expression : Expression.Convert(expression, typeof(object));

    /// <summary>
    /// Converts a compiled value to the .NET type an operation needs: unboxes when the static type is known,
    /// checks at run time when it is dyn.
    /// </summary>
    private static Expression AsClr(Typed typed, Type target, string function)
    {
        var expression = typed.Expression;
        if (expression.Type == target)
        {
            return expression;
        }

        if (target == typeof(object))
        {
            return Box(expression);
        }

        if (target.IsAssignableFrom(expression.Type))
        {
            return Expression.Convert(expression, target);
        }

        if (expression.Type == typeof(object) && !typed.Type.IsDyn && FunctionTable.TypeOf(target).Equals(typed.Type))
        {
            return Expression.Convert(expression, target);
        }

        var cast = typeof(CelAccess).GetMethod(nameof(CelAccess.As))!.MakeGenericMethod(target);
        return Expression.Call(cast, Box(expression), Expression.Constant(function));
    }

    /// <summary>The .NET type that represents values of a CEL type in compiled code.</summary>
    private static Type ClrTypeOf(CelType type) => type switch
    {
        _ when type.Equals(CelType.Bool) => typeof(bool),
        _ when type.Equals(CelType.Int) => typeof(long),
        _ when type.Equals(CelType.Uint) => typeof(ulong),
        _ when type.Equals(CelType.Double) => typeof(double),
        _ when type.Equals(CelType.String) => typeof(string),
        _ when type.IsList => typeof(IList),
        _ when type.IsMap => typeof(ICelMap),
        _ => typeof(object),
    };

    /// <summary>An element read from a container as object, typed back when the element type is known.</summary>
    private static Typed Element(Expression value, CelType? elementType)
    {
        var type = elementType ?? CelType.Dyn;
        var clr = ClrTypeOf(type);
        return clr == typeof(object) || type.IsDyn
            ? new Typed(value, type)
            : new Typed(Expression.Convert(value, clr), type);
    }
}
