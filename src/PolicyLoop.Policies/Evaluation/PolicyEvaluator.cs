using PolicyLoop.Core;
using PolicyLoop.Policies.Expressions.Runtime;
using PolicyLoop.Policies.Files;

namespace PolicyLoop.Policies.Evaluation;

/// <summary>
/// Evaluates a compiled policy on events in time order. Rules run in file order, and the first matching enforce
/// rule with a terminating action decides and ends the evaluation. Count rules and shadow rules before it record
/// matches without deciding. With no decision, the policy's default applies. Evaluation errors are counted per rule
/// and reported in the result, never thrown. An evaluator is not thread-safe, so use one per thread.
/// </summary>
public sealed class PolicyEvaluator
{
    private readonly CompiledPolicy _policy;
    private readonly RateState _state;
    private readonly EvaluationContext _context = new();
    private readonly Dictionary<string, long> _errorCounts = new(StringComparer.Ordinal);

    public PolicyEvaluator(CompiledPolicy policy, RateState? state = null)
    {
        _policy = policy;
        _state = state ?? new RateState();
        _context.StatefulValues = new object?[policy.StatefulSites.Count];
    }

    /// <summary>Evaluation errors per rule id since this evaluator was created.</summary>
    public IReadOnlyDictionary<string, long> ErrorCounts => _errorCounts;

    public RateState State => _state;

    /// <summary>Evaluates one event; with <paramref name="explain"/>, each match lists the clauses that were true.</summary>
    public EvaluationResult Evaluate(DecisionEvent decisionEvent, bool explain = false)
    {
        _context.Reset(decisionEvent);
        ComputeStateful(decisionEvent);
        List<RuleMatch>? matches = null;
        List<RuleError>? errors = null;
        foreach (var compiled in _policy.RuleArray)
        {
            if (!Matches(compiled, ref errors))
            {
                continue;
            }

            var rule = compiled.Rule;
            var decides = rule.Mode == EnforcementMode.Enforce && rule.Action != RuleAction.Count;
            var clauses = explain ? Explainer.Explain(compiled, _context) : [];
            (matches ??= []).Add(new RuleMatch(rule.Id, rule.Action, rule.Mode, decides, clauses));
            if (decides)
            {
                return Finish(new EvaluationResult(rule.Action, rule.Id, matches, errors ?? []));
            }
        }

        return Finish(new EvaluationResult(_policy.Policy.Default, null, matches ?? [], errors ?? []));
    }

    private bool Matches(CompiledRule compiled, ref List<RuleError>? errors)
    {
        try
        {
            return compiled.Evaluate(_context);
        }
#pragma warning disable CA1031 // A faulty rule is reported per event and never stops a batch.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var id = compiled.Rule.Id;
            _errorCounts[id] = _errorCounts.GetValueOrDefault(id) + 1;
            (errors ??= []).Add(new RuleError(id, ex is CelException ? ex.Message : $"internal error: {ex.Message}"));
            return false;
        }
    }

    private void ComputeStateful(DecisionEvent decisionEvent)
    {
        var sites = _policy.SiteArray;
        for (var i = 0; i < sites.Length; i++)
        {
            var site = sites[i];
            try
            {
                var key = KeyText(_policy.SiteKeys[i](_context));
                _context.StatefulValues[i] = site.Function == "rate"
                    ? _state.Record(i, key, site.Window, decisionEvent.Time)
                    : _state.Peek(i, key, site.Window, decisionEvent.Time);
            }
#pragma warning disable CA1031 // A failing key becomes an error of the rules that read it, never of the batch.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _context.StatefulValues[i] = ex as CelException ?? new CelException($"internal error: {ex.Message}", ex);
            }
        }
    }

    private static string KeyText(object? key) => key as string ?? CelFormat.Display(key);

    /// <summary>Adds a reject to the count() windows, so later events see how often their key was rejected.</summary>
    private EvaluationResult Finish(EvaluationResult result)
    {
        if (!result.IsReject)
        {
            return result;
        }

        var sites = _policy.SiteArray;
        for (var i = 0; i < sites.Length; i++)
        {
            if (sites[i].Function == "count" && _context.StatefulValues[i] is long)
            {
                var key = KeyText(_policy.SiteKeys[i](_context));
                _state.Record(i, key, sites[i].Window, _context.Event!.Time);
            }
        }

        return result;
    }
}
