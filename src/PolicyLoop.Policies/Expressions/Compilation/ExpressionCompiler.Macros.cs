using System.Linq.Expressions;
using PolicyLoop.Policies.Expressions.Runtime;
using PolicyLoop.Policies.Expressions.Syntax;

namespace PolicyLoop.Policies.Expressions.Compilation;

public sealed partial class ExpressionCompiler
{
    private Typed CompileMacro(MacroExpr macro, int depth)
    {
        var range = CompileNode(macro.Range, depth + 1);
        if (range.IsError)
        {
            return range;
        }

        if (!range.Type.IsList && !range.Type.IsMap && !range.Type.IsDyn)
        {
            return Report("PL170", $"{MacroName(macro.Kind)}() needs a list or a map, found {range.Type}", macro.Range);
        }

        var itemType = range.Type.IsMap ? range.Type.Key ?? CelType.Dyn : range.Type.Element ?? CelType.Dyn;
        var variable = Expression.Parameter(typeof(object), macro.Variable);
        var shadowed = _scope.TryGetValue(macro.Variable, out var previous);
        _scope[macro.Variable] = (variable, itemType);
        try
        {
            var body = CompileNode(macro.Body, depth + 1);
            var filter = macro.Filter is null ? null : CompileNode(macro.Filter, depth + 1);
            if (body.IsError || filter is { IsError: true })
            {
                return Error();
            }

            return BuildMacro(macro, range, variable, body, filter);
        }
        finally
        {
            if (shadowed)
            {
                _scope[macro.Variable] = previous;
            }
            else
            {
                _scope.Remove(macro.Variable);
            }
        }
    }

    private Typed BuildMacro(MacroExpr macro, Typed range, ParameterExpression variable, Typed body, Typed? filter)
    {
        var source = Box(range.Expression);
        if (macro.Kind == MacroKind.Map)
        {
            var transform = Expression.Lambda<Func<object?, object?>>(Box(body.Expression), variable);
            Expression filterLambda = filter is null
                ? Expression.Constant(null, typeof(Func<object?, bool>))
                : Predicate(filter, variable, macro.Filter!);
            var mapped = Expression.Call(typeof(CelMacros), nameof(CelMacros.Map), null, source, transform, filterLambda);
            return new Typed(Expression.Convert(mapped, typeof(System.Collections.IList)), CelType.List(body.Type));
        }

        if (!CheckBool(body, macro.Body, MacroName(macro.Kind)))
        {
            return Error();
        }

        if (macro.Kind is MacroKind.Exists or MacroKind.All)
        {
            return new Typed(InlineQuantifier(macro.Kind == MacroKind.Exists, source, variable, body), CelType.Bool);
        }

        var predicate = Predicate(body, variable, macro.Body);
        var method = macro.Kind == MacroKind.ExistsOne ? nameof(CelMacros.ExistsOne) : nameof(CelMacros.Filter);
        var call = Expression.Call(typeof(CelMacros), method, null, source, predicate);
        return macro.Kind == MacroKind.Filter
            ? new Typed(Expression.Convert(call, typeof(System.Collections.IList)),
                range.Type.IsList ? range.Type : CelType.DynList)
            : new Typed(call, CelType.Bool);
    }

    /// <summary>
    /// Compiles <c>exists</c> (or <c>all</c>) as a loop in the expression tree, without a delegate per evaluation.
    /// An element that decides the result wins over errors on other elements; otherwise the first error is raised.
    /// </summary>
    private static BlockExpression InlineQuantifier(bool exists, Expression source, ParameterExpression variable, Typed body)
    {
        var items = Expression.Variable(typeof(System.Collections.IList), "items");
        var index = Expression.Variable(typeof(int), "index");
        var error = Expression.Variable(typeof(CelException), "error");
        var caught = Expression.Variable(typeof(CelException), "caught");
        var value = Expression.Variable(typeof(bool), "value");
        var done = Expression.Label(typeof(bool), "done");
        var test = Expression.TryCatch(
            AsClr(body, typeof(bool), exists ? "exists" : "all"),
            Expression.Catch(caught, Expression.Block(
                Expression.Assign(error, Expression.Coalesce(error, caught)),
                Expression.Constant(!exists))));
        var loop = Expression.Loop(Expression.Block(
            Expression.IfThen(Expression.GreaterThanOrEqual(index, Expression.Property(
                Expression.Convert(items, typeof(System.Collections.ICollection)), "Count")), Expression.Break(done, Expression.Constant(!exists))),
            Expression.Assign(variable, Expression.Property(items, "Item", index)),
            Expression.PostIncrementAssign(index),
            Expression.Assign(value, test),
            Expression.IfThen(Expression.Equal(value, Expression.Constant(exists)), Expression.Break(done, Expression.Constant(exists)))),
            done);
        var result = Expression.Variable(typeof(bool), "result");
        return Expression.Block(
            typeof(bool),
            [items, index, error, value, result, variable],
            Expression.Assign(items, Expression.Call(typeof(CelMacros), nameof(CelMacros.ItemList), null, source)),
            Expression.Assign(index, Expression.Constant(0)),
            Expression.Assign(error, Expression.Constant(null, typeof(CelException))),
            Expression.Assign(result, loop),
            Expression.IfThen(
                Expression.AndAlso(Expression.Equal(result, Expression.Constant(!exists)),
                    Expression.NotEqual(error, Expression.Constant(null, typeof(CelException)))),
                Expression.Throw(error)),
            result);
    }

    private Expression<Func<object?, bool>> Predicate(Typed body, ParameterExpression variable, Expr node)
    {
        _ = CheckBool(body, node, "predicate");
        return Expression.Lambda<Func<object?, bool>>(AsClr(body, typeof(bool), "predicate"), variable);
    }

    private static string MacroName(MacroKind kind) => kind switch
    {
        MacroKind.Exists => "exists",
        MacroKind.All => "all",
        MacroKind.ExistsOne => "exists_one",
        MacroKind.Map => "map",
        _ => "filter",
    };
}
