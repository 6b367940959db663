using System.Numerics;
using PolicyLoop.Core;
using PolicyLoop.Policies.Expressions.Runtime;
using PolicyLoop.Policies.Files;

namespace PolicyLoop.Policies.Evaluation;

/// <summary>
/// Evaluates a compiled policy on events in time order. Rules run in file order, and the first matching enforce
/// rule with a terminating action decides and ends the evaluation. Count rules and shadow rules before it record
/// matches without deciding. With no decision, the policy's default applies. Evaluation errors are counted per rule
/// and reported in the result, never thrown. Rules whose condition reads a few scalar fields and no rate window
/// remember their outcome per combination of those fields' values (<see cref="RuleResultCache"/>), so repeated paths
/// and user agents are matched once. An evaluator is not thread-safe, so use one per thread.
/// </summary>
public sealed class PolicyEvaluator
{
    /// <summary>Policies with at most this many rules share results between events with the same matches.</summary>
    private const int MaxSharedRules = 64;

    /// <summary>The maximum number of distinct shared results kept. Results beyond it are created per event.</summary>
    private const int MaxSharedResults = 4096;

    private readonly CompiledPolicy _policy;
    private readonly RateState _state;
    private readonly EvaluationContext _context = new();
    private readonly Dictionary<string, long> _errorCounts = new(StringComparer.Ordinal);
    private readonly RuleResultCache? _cache;

    /// <summary>The result of an event that matches no rule and raises no error, shared because most events are such.</summary>
    private readonly EvaluationResult _defaultResult;

    /// <summary>Each rule's index in the policy, by id, for explaining a result after the fact.</summary>
    private readonly Dictionary<string, int> _ruleIndexes;

    /// <summary>The rate() and count() sites computed here: all of them, or only count() with a recorder ahead.</summary>
    private readonly SiteValues _sites;

    private readonly RateRecorder? _ahead;
    private long _evaluated;
    private EvaluationResult? _latest;

    /// <summary>Results without errors or clauses, by the bits of their matched rules (see <see cref="Shared"/>).</summary>
    private readonly Dictionary<ulong, EvaluationResult> _shared = [];

    /// <summary>Creates an evaluator for <paramref name="policy"/>.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="state">The rate and count windows to use; new ones by default.</param>
    /// <param name="ahead">
    /// A recorder that records the policy's rate() windows for the same events ahead of this evaluator, which then
    /// takes their values from it: the recorder's nth event must be this evaluator's nth.
    /// </param>
    public PolicyEvaluator(CompiledPolicy policy, RateState? state = null, RateRecorder? ahead = null)
    {
        _policy = policy;
        _state = state ?? new RateState();
        _ahead = ahead;
        _sites = new SiteValues(policy, _state, site => ahead is null || !site.IsRate);
        _context.StatefulValues = new object?[policy.StatefulSites.Count];
        _cache = RuleResultCache.For(policy.Rules);
        _defaultResult = new EvaluationResult(policy.Policy.Default, null, [], []);
        _ruleIndexes = policy.RuleArray.Select((rule, index) => (rule.Rule.Id, index))
            .DistinctBy(pair => pair.Id, StringComparer.Ordinal)
            .ToDictionary(pair => pair.Id, pair => pair.index, StringComparer.Ordinal);
    }

    /// <summary>Evaluation errors per rule id since this evaluator was created.</summary>
    public IReadOnlyDictionary<string, long> ErrorCounts => _errorCounts;

    public RateState State => _state;

    /// <summary>Evaluates one event; with <paramref name="explain"/>, each match lists the clauses that were true.</summary>
    public EvaluationResult Evaluate(DecisionEvent decisionEvent, bool explain = false)
    {
        _context.Reset(decisionEvent);
        _cache?.Begin(decisionEvent);
        ComputeStateful();
        List<RuleMatch>? matches = null;
        List<RuleError>? errors = null;
        var rules = _policy.RuleArray;
        var knownFalse = _cache?.KnownFalse() ?? 0;

        // Without explanations, the matched rules alone decide the result, so they are noted as bits and the
        // result is shared by every event with the same matches (see Shared).
        var listed = explain || rules.Length > MaxSharedRules;
        var matched = 0UL;
        for (var i = 0; i < rules.Length; i++)
        {
            if (RuleResultCache.IsKnownFalse(knownFalse, i))
            {
                continue;
            }

            var compiled = rules[i];
            var cached = _cache?.Entry(i);
            if (!(cached?.Matched ?? Matches(i, cached, ref errors)))
            {
                continue;
            }

            var rule = compiled.Rule;
            var decides = Decides(rule);
            if (listed)
            {
                var clauses = explain ? Clauses(compiled, cached) : [];
                (matches ??= []).Add(new RuleMatch(rule.Id, rule.Action, rule.Mode, decides, clauses));
            }
            else
            {
                matched |= 1UL << i;
            }

            if (decides)
            {
                break;
            }
        }

        return Finish(listed ? Listed(matches, errors) : Shared(matched, errors));
    }

    private static bool Decides(PolicyRule rule) => rule.Mode == EnforcementMode.Enforce && rule.Action != RuleAction.Count;

    /// <summary>The result of the matches listed in order, the last one deciding when it decides.</summary>
    private EvaluationResult Listed(List<RuleMatch>? matches, List<RuleError>? errors)
    {
        if (matches is null && errors is null)
        {
            return _defaultResult;
        }

        var decider = matches is { Count: > 0 } && matches[^1].Decided ? matches[^1] : null;
        return new EvaluationResult(decider?.Action ?? _policy.Policy.Default, decider?.RuleId,
            (IReadOnlyList<RuleMatch>?)matches ?? [], (IReadOnlyList<RuleError>?)errors ?? []);
    }

    /// <summary>
    /// The result of the rules whose bits are set in <paramref name="matched"/>, without clauses. Results without errors
    /// are kept per set of matched rules and returned again, because they are immutable and most events repeat one.
    /// </summary>
    private EvaluationResult Shared(ulong matched, List<RuleError>? errors)
    {
        if (errors is null && _shared.TryGetValue(matched, out var shared))
        {
            return shared;
        }

        List<RuleMatch>? matches = null;
        for (var bits = matched; bits != 0; bits &= bits - 1)
        {
            var rule = _policy.RuleArray[BitOperations.TrailingZeroCount(bits)].Rule;
            (matches ??= []).Add(new RuleMatch(rule.Id, rule.Action, rule.Mode, Decides(rule), []));
        }

        var result = Listed(matches, errors);
        if (errors is null && _shared.Count < MaxSharedResults)
        {
            _shared[matched] = result;
        }

        return result;
    }

    /// <summary>
    /// Adds to each match of <paramref name="result"/> the clauses that made it true, as <c>explain: true</c>
    /// would have. The result must come from this evaluator's latest <see cref="Evaluate"/> call, because the
    /// explanation reads that event and its rate window values; callers explain only the events they show.
    /// </summary>
    /// <exception cref="InvalidOperationException">The result is not the latest one of this evaluator.</exception>
    public EvaluationResult Explain(EvaluationResult result)
    {
        if (!ReferenceEquals(result, _latest))
        {
            throw new InvalidOperationException("only the result of the latest evaluation can be explained");
        }

        if (result.Matches.Count == 0 || result.Matches.All(match => match.Clauses.Count > 0))
        {
            return result;
        }

        var matches = new List<RuleMatch>(result.Matches.Count);
        foreach (var match in result.Matches)
        {
            var index = _ruleIndexes[match.RuleId];
            matches.Add(match with { Clauses = Clauses(_policy.RuleArray[index], _cache?.Entry(index)) });
        }

        _latest = result with { Matches = matches };
        return _latest;
    }

    /// <summary>The clauses that made a matched rule true, explained once per cache entry.</summary>
    private IReadOnlyList<MatchedClause> Clauses(CompiledRule compiled, RuleResultCache.RuleOutcome? cached) =>
        cached is null ? Explainer.Explain(compiled, _context) : cached.Clauses ??= Explainer.Explain(compiled, _context);

    /// <summary>Evaluates the rule's condition and fills its cache entry, if any; an error leaves the entry empty.</summary>
    private bool Matches(int rule, RuleResultCache.RuleOutcome? cached, ref List<RuleError>? errors)
    {
        var compiled = _policy.RuleArray[rule];
        try
        {
            var matched = compiled.Evaluate(_context);
            if (cached is not null)
            {
                cached.Matched = matched;
                if (!matched)
                {
                    _cache!.StoreFalse(rule);
                }
            }

            return matched;
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

    private void ComputeStateful()
    {
        _ahead?.CopyTo(_evaluated, _context.StatefulValues);
        _evaluated++;
        _sites.Compute(_context);
    }

    /// <summary>Adds a reject to the count() windows, so later events see how often their key was rejected.</summary>
    private EvaluationResult Finish(EvaluationResult result)
    {
        _latest = result;
        if (!result.IsReject)
        {
            return result;
        }

        _sites.RecordReject(_context.Event!.Time);
        return result;
    }
}
