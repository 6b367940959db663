using System.Linq.Expressions;
using PolicyLoop.Policies.Expressions.Functions;
using PolicyLoop.Policies.Expressions.Runtime;
using PolicyLoop.Policies.Expressions.Syntax;

namespace PolicyLoop.Policies.Expressions.Compilation;

public sealed partial class ExpressionCompiler
{
    private Typed CompileCall(CallExpr call, int depth)
    {
        if (call.Target is null && call.Function is "rate" or "count")
        {
            return CompileStateful(call, depth);
        }

        if (call.Target is null && call.Function == "has")
        {
            return CompileHasField(call);
        }

        var (name, target) = ResolveName(call);
        var isMethod = target is not null;
        var nodes = target is null ? call.Args : [target, .. call.Args];
        var args = nodes.Select(node => CompileNode(node, depth + 1)).ToList();
        if (!FunctionTable.Exists(name))
        {
            return UnknownFunction(call, name);
        }

        if (args.Any(a => a.IsError))
        {
            return Error();
        }

        if (name == "matches" && call.Args[^1] is LiteralExpr { Value: string pattern })
        {
            return CompileConstantRegex(call, args[0], pattern);
        }

        var candidates = FunctionTable.Find(name, isMethod, args.Count)
            .Where(o => o.Parameters.Select((p, i) => p.Accepts(args[i].Type)).All(ok => ok))
            .ToList();
        var exact = candidates.Where(o => o.Parameters.Select((p, i) => p.Equals(args[i].Type)).All(ok => ok)).ToList();
        if (candidates.Count == 0)
        {
            return NoMatchingOverload(call, name, isMethod, args);
        }

        return exact.Count == 1 || candidates.Count == 1
            ? Invoke(exact.Count == 1 ? exact[0] : candidates[0], args, name)
            : Dispatch(candidates, args, name);
    }

    /// <summary>Splits <c>ip.isCanonical(x)</c> style names, where the target is a namespace, not a value.</summary>
    private (string Name, Expr? Target) ResolveName(CallExpr call)
    {
        if (call.Target is not null && QualifiedName(call.Target) is { } prefix && !_scope.ContainsKey(prefix.Split('.')[0])
            && !_environment.Variables.ContainsKey(prefix.Split('.')[0]) && FunctionTable.Exists(prefix + "." + call.Function))
        {
            return (prefix + "." + call.Function, null);
        }

        return (call.Function, call.Target);
    }

    private Typed UnknownFunction(CallExpr call, string name)
    {
        var hint = Suggestions.Hint(name, FunctionTable.Names.Concat(["rate", "count", "has"]));
        return Report("PL140", $"unknown function '{name}'", call.NameStart, name.Length, hint);
    }

    private Typed NoMatchingOverload(CallExpr call, string name, bool isMethod, List<Typed> args)
    {
        var types = string.Join(", ", args.Select(a => a.Type.ToString()));
        var hint = FunctionTable.ExistsInOtherStyle(name, isMethod)
            ? isMethod ? $"call it as {name}(x), not x.{name}()" : $"call it as a method: x.{name}(...)"
            : $"check the argument types of {name}()";
        return Report("PL141", $"found no matching overload for '{name}' applied to '({types})'", call, hint);
    }

    private static Typed Invoke(Overload overload, List<Typed> args, string name)
    {
        var parameters = overload.Method.GetParameters();
        var converted = args.Select((a, i) => AsClr(a, parameters[i].ParameterType, name)).ToArray();
        var call = Expression.Call(overload.Method, converted);
        return new Typed(Fold(call), overload.Result);
    }

    /// <summary>
    /// Evaluates a call with constant arguments at compile time, such as <c>cidr('10.0.0.0/8')</c>, because every
    /// registered function is pure. A call that fails stays a runtime call, so the error surfaces at evaluation.
    /// </summary>
    private static Expression Fold(MethodCallExpression call)
    {
        if (!call.Arguments.All(a => a is ConstantExpression))
        {
            return call;
        }

        try
        {
            var values = call.Arguments.Select(a => ((ConstantExpression)a).Value).ToArray();
            return Expression.Constant(call.Method.Invoke(null, values), call.Type);
        }
        catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is CelException)
        {
            return call;
        }
    }

    /// <summary>Chooses an overload at run time from the argument types, for calls with dyn arguments.</summary>
    private static Typed Dispatch(List<Overload> candidates, List<Typed> args, string name)
    {
        var temps = args.Select((_, i) => Expression.Variable(typeof(object), "arg" + i)).ToList();
        var boxed = temps.Select(t => new Typed(t, CelType.Dyn)).ToList();
        var noMatch = Expression.Call(typeof(CelErrors), nameof(CelErrors.NoOverload), null,
            Expression.Constant(name), Expression.NewArrayInit(typeof(object), temps));
        Expression result = Expression.Throw(noMatch, typeof(object));
        for (var c = candidates.Count - 1; c >= 0; c--)
        {
            var overload = candidates[c];
            Expression test = Expression.Constant(true);
            for (var i = 0; i < temps.Count; i++)
            {
                test = Expression.AndAlso(test, Expression.Call(typeof(CelValues), nameof(CelValues.IsOfType), null,
                    temps[i], Expression.Constant(overload.Parameters[i])));
            }

            result = Expression.Condition(test, Box(Invoke(overload, boxed, name).Expression), result);
        }

        var assignments = temps.Select((t, i) => (Expression)Expression.Assign(t, Box(args[i].Expression)));
        var results = candidates.Select(o => o.Result).Distinct().ToList();
        var type = results.Count == 1 ? results[0] : CelType.Dyn;
        return new Typed(Expression.Block(typeof(object), temps, assignments.Append(result)), type);
    }

    private Typed CompileConstantRegex(CallExpr call, Typed text, string pattern)
    {
        var regex = CelRegex.TryGet(pattern, out var error, out var hint);
        var patternNode = call.Args[^1];
        if (regex is null)
        {
            return Report("PL150", error, patternNode, hint);
        }

        if (!text.Type.Equals(CelType.String) && !text.Type.IsDyn)
        {
            return Report("PL141", $"found no matching overload for 'matches' applied to '({text.Type}, string)'", call);
        }

        var input = AsClr(text, typeof(string), "matches");
        var match = _explain
            ? Expression.Call(typeof(CelAccess), nameof(CelAccess.MatchTraced), null, _context, input,
                Expression.Constant(regex), Expression.Constant(call.Start), Expression.Constant(call.End))
            : (Expression)Expression.Call(Expression.Constant(regex), nameof(System.Text.RegularExpressions.Regex.IsMatch),
                null, input);
        return new Typed(match, CelType.Bool);
    }

    private Typed CompileHasField(CallExpr call)
    {
        var ident = (IdentExpr)call.Args[0];
        if (_environment.Variables.TryGetValue(ident.Name, out var variable) && variable.IsSet is { } isSet)
        {
            return new Typed(isSet(_context), CelType.Bool);
        }

        return _environment.Variables.ContainsKey(ident.Name) || _scope.ContainsKey(ident.Name)
            ? Report("PL142", $"has() cannot test '{ident.Name}'", call, "test a field instead, such as has(attributes.user)")
            : CompileIdent(ident);
    }
}
