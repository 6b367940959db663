using System.Linq.Expressions;
using PolicyLoop.Policies.Expressions.Runtime;
using PolicyLoop.Policies.Expressions.Syntax;

namespace PolicyLoop.Policies.Expressions.Compilation;

public sealed partial class ExpressionCompiler
{
    private static readonly Dictionary<string, CelType> TypeNames = new(StringComparer.Ordinal)
    {
        ["bool"] = CelType.Bool,
        ["int"] = CelType.Int,
        ["uint"] = CelType.Uint,
        ["double"] = CelType.Double,
        ["string"] = CelType.String,
        ["bytes"] = CelType.Bytes,
        ["null_type"] = CelType.Null,
        ["type"] = CelType.Type,
        ["list"] = CelType.DynList,
        ["map"] = CelType.DynMap,
        ["google.protobuf.Timestamp"] = CelType.Timestamp,
        ["google.protobuf.Duration"] = CelType.Duration,
        ["net.IP"] = CelType.Ip,
        ["net.CIDR"] = CelType.Cidr,
    };

    private Typed CompileIdent(IdentExpr ident)
    {
        if (_scope.TryGetValue(ident.Name, out var local))
        {
            return Element(local.Parameter, local.Type);
        }

        if (_environment.Variables.TryGetValue(ident.Name, out var variable))
        {
            var read = variable.Read(_context);
            return read.Type == typeof(object) ? Element(read, variable.Type) : new Typed(read, variable.Type);
        }

        if (TypeNames.TryGetValue(ident.Name, out var type))
        {
            return new Typed(Expression.Constant(type), CelType.Type);
        }

        var hint = Suggestions.Hint(ident.Name, _environment.Variables.Keys.Concat(_scope.Keys).Append("lists"));
        var what = _environment.Variables.Count > 0 ? "unknown field" : "undeclared reference to";
        return Report("PL120", $"{what} '{ident.Name}'", ident, hint);
    }

    private Typed CompileSelect(SelectExpr select, int depth)
    {
        if (QualifiedName(select) is { } qualified && TypeNames.TryGetValue(qualified, out var type)
            && !_environment.Variables.ContainsKey(qualified.Split('.')[0]))
        {
            return new Typed(Expression.Constant(type), CelType.Type);
        }

        if (select.Operand is IdentExpr { Name: "lists" } && !_scope.ContainsKey("lists"))
        {
            return CompileNamedList(select);
        }

        var operand = CompileNode(select.Operand, depth + 1);
        if (operand.IsError)
        {
            return operand;
        }

        if (!operand.Type.IsMap && !operand.Type.IsDyn)
        {
            return Report("PL121", $"a value of type {operand.Type} has no fields, so '.{select.Field}' is invalid",
                select, "only maps and attributes have fields; call a function with (), such as .size()");
        }

        var field = Expression.Constant(select.Field);
        if (select.TestOnly)
        {
            var has = typeof(CelAccess).GetMethod(nameof(CelAccess.Has))!;
            return new Typed(Expression.Call(has, Box(operand.Expression), field), CelType.Bool);
        }

        var read = typeof(CelAccess).GetMethod(nameof(CelAccess.Select))!;
        return Element(Expression.Call(read, Box(operand.Expression), field), operand.Type.Element);
    }

    private Typed CompileNamedList(SelectExpr select)
    {
        if (!_environment.Lists.TryGetValue(select.Field, out var list))
        {
            var known = _environment.Lists.Count == 0 ? "the policy defines no lists" : Suggestions.Hint(select.Field, _environment.Lists.Keys);
            return Report("PL122", $"unknown list '{select.Field}'", select, known);
        }

        return select.TestOnly
            ? new Typed(Expression.Constant(true), CelType.Bool)
            : new Typed(Expression.Constant(list.AsList, typeof(System.Collections.IList)), CelType.List(CelType.String));
    }

    private static string? QualifiedName(Expr node) => node switch
    {
        IdentExpr ident => ident.Name,
        SelectExpr { TestOnly: false } select when QualifiedName(select.Operand) is { } prefix => prefix + "." + select.Field,
        _ => null,
    };

    private Typed CompileIndex(IndexExpr index, int depth)
    {
        var operand = CompileNode(index.Operand, depth + 1);
        var key = CompileNode(index.Index, depth + 1);
        if (operand.IsError || key.IsError)
        {
            return Error();
        }

        if (operand.Type.IsList && !key.Type.IsDyn && !key.Type.IsNumeric)
        {
            return Report("PL123", $"a list index must be an int, found {key.Type}", index.Index);
        }

        if (!operand.Type.IsList && !operand.Type.IsMap && !operand.Type.IsDyn)
        {
            return Report("PL123", $"a value of type {operand.Type} cannot be indexed", index);
        }

        var method = typeof(CelAccess).GetMethod(nameof(CelAccess.Index))!;
        return Element(Expression.Call(method, Box(operand.Expression), Box(key.Expression)), operand.Type.Element);
    }
}
