using System.Linq.Expressions;
using PolicyLoop.Policies.Evaluation;
using PolicyLoop.Policies.Expressions.Runtime;
using PolicyLoop.Policies.Expressions.Syntax;

namespace PolicyLoop.Policies.Expressions.Compilation;

public sealed partial class ExpressionCompiler
{
    /// <summary>
    /// Compiles <c>rate(key, window)</c> and <c>count(key, window)</c>. The evaluator computes their values for every
    /// event before any rule runs, so a short-circuited condition still counts the request.
    /// </summary>
    private Typed CompileStateful(CallExpr call, int depth)
    {
        if (!_environment.AllowStateful)
        {
            return Report("PL160", $"{call.Function}() is only available in policy rules", call);
        }

        if (call.Args.Count != 2)
        {
            return Report("PL161", $"{call.Function}() takes two arguments: a key and a window", call,
                $"write {call.Function}(client_ip, \"1m\")");
        }

        var windowOk = call.Args[1] is LiteralExpr { Value: string text } && CelTime.TryParseDuration(text, out _);
        if (!windowOk)
        {
            return Report("PL162", $"the window of {call.Function}() must be a duration literal", call.Args[1],
                "write a string such as \"1m\", \"10s\" or \"1h\"");
        }

        var window = CelTime.ParseDuration((string)((LiteralExpr)call.Args[1]).Value!);
        if (window <= TimeSpan.Zero)
        {
            return Report("PL162", "the window must be longer than zero", call.Args[1]);
        }

        // Keys are computed for every event before any rule runs, outside every macro, so they cannot read a macro's
        // variable (such as x in list.exists(x, rate(x, "1m") > 2)).
        if (Evaluation.ConditionInputs.Of(call.Args[0]).Names.FirstOrDefault(_scope.ContainsKey) is { } variable)
        {
            return Report("PL163", $"the key of {call.Function}() reads '{variable}', a variable of an enclosing macro", call.Args[0],
                $"key {call.Function}() on event fields only, such as {call.Function}(client_ip, \"1m\"), and test the macro's values in the rest of the condition");
        }

        var key = CompileNode(call.Args[0], depth + 1);
        if (key.IsError)
        {
            return key;
        }

        var keyLambda = Expression.Lambda<Func<EvaluationContext, object?>>(Box(key.Expression), _context);
        var site = _environment.GetOrAddSite(call.Function, TextOf(call.Args[0]), window,
            index => new StatefulSite(index, call.Function, TextOf(call.Args[0]), window, keyLambda));
        var read = Expression.Call(typeof(CelAccess), nameof(CelAccess.Stateful), null, _context, Expression.Constant(site.Index));
        return new Typed(read, CelType.Int);
    }
}
