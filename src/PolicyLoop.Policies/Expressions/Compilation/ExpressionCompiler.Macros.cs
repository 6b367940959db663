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

        var predicate = Predicate(body, variable, macro.Body);
        var method = macro.Kind switch
        {
            MacroKind.Exists => nameof(CelMacros.Exists),
            MacroKind.All => nameof(CelMacros.All),
            MacroKind.ExistsOne => nameof(CelMacros.ExistsOne),
            _ => nameof(CelMacros.Filter),
        };
        var call = Expression.Call(typeof(CelMacros), method, null, source, predicate);
        return macro.Kind == MacroKind.Filter
            ? new Typed(Expression.Convert(call, typeof(System.Collections.IList)),
                range.Type.IsList ? range.Type : CelType.DynList)
            : new Typed(call, CelType.Bool);
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
