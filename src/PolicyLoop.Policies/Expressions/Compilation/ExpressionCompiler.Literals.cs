using System.Linq.Expressions;
using PolicyLoop.Policies.Expressions.Runtime;
using PolicyLoop.Policies.Expressions.Syntax;

namespace PolicyLoop.Policies.Expressions.Compilation;

public sealed partial class ExpressionCompiler
{
    private Typed CompileList(ListExpr list, int depth)
    {
        var items = list.Elements.Select(e => CompileNode(e, depth + 1)).ToList();
        if (items.Any(i => i.IsError))
        {
            return Error();
        }

        var element = CommonType(items);
        var array = Expression.NewArrayInit(typeof(object), items.Select(i => Box(i.Expression)));
        return new Typed(Expression.Convert(array, typeof(System.Collections.IList)), CelType.List(element));
    }

    private Typed CompileMap(MapExpr map, int depth)
    {
        var keys = map.Entries.Select(e => CompileNode(e.Key, depth + 1)).ToList();
        var values = map.Entries.Select(e => CompileNode(e.Value, depth + 1)).ToList();
        if (keys.Concat(values).Any(i => i.IsError))
        {
            return Error();
        }

        foreach (var (key, node) in keys.Zip(map.Entries.Select(e => e.Key)))
        {
            var validKey = key.Type.IsDyn || key.Type.Equals(CelType.String) || key.Type.Equals(CelType.Int)
                || key.Type.Equals(CelType.Uint) || key.Type.Equals(CelType.Bool);
            if (!validKey)
            {
                Report("PL124", $"unsupported map key type {key.Type}", node, "keys are string, int, uint or bool");
            }
        }

        var create = Expression.Call(typeof(CelAccess), nameof(CelAccess.CreateMap), null,
            Expression.NewArrayInit(typeof(object), keys.Select(k => Box(k.Expression))),
            Expression.NewArrayInit(typeof(object), values.Select(v => Box(v.Expression))));
        return new Typed(Expression.Convert(create, typeof(ICelMap)), CelType.Map(CommonType(keys), CommonType(values)));
    }

    private static CelType CommonType(List<Typed> items)
    {
        var types = items.Select(i => i.Type).Distinct().ToList();
        return types.Count == 1 ? types[0] : CelType.Dyn;
    }
}
