using PolicyLoop.Policies.Expressions.Syntax;

namespace PolicyLoop.Policies.Evaluation;

/// <summary>
/// Re-evaluates a matched rule with tracing and lists the clauses that made it true: both sides of a true
/// <c>&amp;&amp;</c>, the true sides of a <c>||</c>, and for each clause the regex matches inside it.
/// </summary>
internal static class Explainer
{
    public static IReadOnlyList<MatchedClause> Explain(CompiledRule rule, EvaluationContext context)
    {
        var trace = new ExplainTrace();
        context.Trace = trace;
        try
        {
            rule.Explain(context);
        }
#pragma warning disable CA1031 // An explanation is best effort; the fast path already decided the match.
        catch (Exception)
#pragma warning restore CA1031
        {
            return [];
        }
        finally
        {
            context.Trace = null;
        }

        var clauses = new List<MatchedClause>();
        Collect(rule.Condition.Tree!, rule.Rule.When, trace, clauses);
        return clauses;
    }

    private static void Collect(Expr node, string source, ExplainTrace trace, List<MatchedClause> clauses)
    {
        if (node is BinaryExpr { Operator: TokenKind.And or TokenKind.Or } logical)
        {
            foreach (var side in new[] { logical.Left, logical.Right })
            {
                if (trace.Values.TryGetValue(side.Id, out var value) && value is true)
                {
                    Collect(side, source, trace, clauses);
                }
            }

            return;
        }

        var regex = trace.Matches.FirstOrDefault(m => m.CallStart >= node.Start && m.CallEnd <= node.End);
        clauses.Add(new MatchedClause(source[node.Start..node.End], node.Start, node.Length, regex?.Matched, regex?.Offset));
    }
}
