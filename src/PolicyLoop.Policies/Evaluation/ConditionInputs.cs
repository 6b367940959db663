using PolicyLoop.Policies.Expressions.Syntax;

namespace PolicyLoop.Policies.Evaluation;

/// <summary>What a parsed condition reads: the identifiers it names and whether it calls rate() or count().</summary>
internal sealed record ConditionInputs(IReadOnlySet<string> Names, bool IsStateful)
{
    /// <summary>
    /// Walks the tree. Every identifier counts, macro variables included, so the names can only be a
    /// superset of the event fields the condition reads.
    /// </summary>
    public static ConditionInputs Of(Expr tree)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var stateful = false;
        var pending = new Stack<Expr>();
        pending.Push(tree);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case IdentExpr ident:
                    names.Add(ident.Name);
                    break;
                case CallExpr call:
                    stateful |= call.Target is null && call.Function is "rate" or "count";
                    PushAll(pending, call.Target);
                    PushAll(pending, [.. call.Args]);
                    break;
                case BinaryExpr binary:
                    PushAll(pending, binary.Left, binary.Right);
                    break;
                case UnaryExpr unary:
                    PushAll(pending, unary.Operand);
                    break;
                case ConditionalExpr conditional:
                    PushAll(pending, conditional.Condition, conditional.Then, conditional.Otherwise);
                    break;
                case IndexExpr index:
                    PushAll(pending, index.Operand, index.Index);
                    break;
                case SelectExpr select:
                    PushAll(pending, select.Operand);
                    break;
                case ListExpr list:
                    PushAll(pending, [.. list.Elements]);
                    break;
                case MapExpr map:
                    PushAll(pending, [.. map.Entries.SelectMany(entry => new[] { entry.Key, entry.Value })]);
                    break;
                case MacroExpr macro:
                    PushAll(pending, macro.Range, macro.Body, macro.Filter);
                    break;
                case LiteralExpr:
                    break;
                default:
                    // An unknown node may read anything, so treat the condition as one that cannot be cached.
                    stateful = true;
                    break;
            }
        }

        return new ConditionInputs(names, stateful);
    }

    private static void PushAll(Stack<Expr> pending, params Expr?[] nodes)
    {
        foreach (var node in nodes)
        {
            if (node is not null)
            {
                pending.Push(node);
            }
        }
    }
}
