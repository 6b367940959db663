using System.Runtime.CompilerServices;
using PolicyLoop.Core;

namespace PolicyLoop.Policies.Evaluation;

/// <summary>
/// Remembers, per rule, whether it matched and which clauses made it true for each combination of
/// values of the event fields it reads. Logs repeat the same paths, user agents and addresses, so a
/// replay over millions of events runs each regex once per distinct value instead of once per event.
/// Not thread-safe; each evaluator owns one.
/// </summary>
/// <remarks>
/// Only rules whose outcome is a pure function of their inputs are cached: conditions that read at
/// most <see cref="MaxKeyFields"/> scalar fields (strings, status, bytes, decision, mode), at least
/// one of them text, and call neither rate() nor count(). Every function of the language is deterministic, and lists are
/// constants of the policy. Each field keeps at most <see cref="MaxValues"/> distinct values; when
/// it fills, its values and the entries of the rules that read it are dropped. A field whose values
/// rarely repeat (fewer than half of the lookups since the last drop found a known value) stops
/// being cached, and the rules that read it are evaluated directly from then on.
/// </remarks>
internal sealed class RuleResultCache
{
    public const int MaxKeyFields = 3;
    public const int MaxValues = 1 << 16;

    /// <summary>Rules with an index below this have a bit in the masks of <see cref="KnownFalse"/>.</summary>
    private const int MaskRules = 64;

    /// <summary>Entries of each text field's table of recently seen string objects.</summary>
    private const int RecentSize = 4096;

    /// <summary>Fields whose values are unique per event or too large to be worth hashing.</summary>
    private static readonly HashSet<string> Uncached = new(StringComparer.Ordinal) { "event_id", "content", "raw" };

    private readonly RuleEntries?[] _rules;
    private long _stamp;
    private DecisionEvent? _event;

    /// <summary>Per rule, the field it reads when it reads one and its index fits a bit of a mask; null otherwise.</summary>
    private readonly FieldValues?[] _singleField;

    /// <summary>The fields that such rules read.</summary>
    private readonly FieldValues[] _maskFields;

    private RuleResultCache(RuleEntries?[] rules, FieldValues?[] singleField)
    {
        _rules = rules;
        _singleField = singleField;
        _maskFields = [.. singleField.OfType<FieldValues>().Distinct()];
    }

    /// <summary>Creates the cache for a policy, or returns null when none of its rules can be cached.</summary>
    public static RuleResultCache? For(IReadOnlyList<CompiledRule> rules)
    {
        var fields = new Dictionary<string, FieldValues>(StringComparer.Ordinal);
        var entries = new RuleEntries?[rules.Count];
        var singleField = new FieldValues?[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].Condition.Tree is not { } tree)
            {
                continue;
            }

            var inputs = ConditionInputs.Of(tree);
            var read = inputs.Names.Where(DecisionEventFields.Names.Contains).Order(StringComparer.Ordinal).ToList();
            if (inputs.IsStateful || read.Count is 0 or > MaxKeyFields || !read.All(IsCacheable) || !read.Any(FieldValues.IsText))
            {
                continue;
            }

            var keyFields = read.Select(name => fields.TryGetValue(name, out var known) ? known : fields[name] = FieldValues.For(name))
                .ToArray();
            entries[i] = new RuleEntries(keyFields);
            foreach (var field in keyFields)
            {
                field.Dependents.Add(entries[i]!);
            }

            if (keyFields.Length == 1 && i < MaskRules)
            {
                singleField[i] = keyFields[0];
            }
        }

        return entries.Any(entry => entry is not null) ? new RuleResultCache(entries, singleField) : null;
    }

    /// <summary>Starts a new event; field values are looked up on first use.</summary>
    public void Begin(DecisionEvent decisionEvent)
    {
        _event = decisionEvent;
        _stamp++;
    }

    /// <summary>
    /// The entry of rule <paramref name="rule"/> (its index in the policy) for the current event's
    /// values, created empty on first sight; null when the rule is not cached.
    /// </summary>
    public RuleOutcome? Entry(int rule) => _rules[rule]?.Entry(_event!, _stamp);

    /// <summary>
    /// The rules known not to match the current event, as bits by rule index: rules that read one field and were
    /// false for its current value before. The evaluator skips them without looking up their entries.
    /// </summary>
    public ulong KnownFalse()
    {
        var mask = 0UL;
        foreach (var field in _maskFields)
        {
            mask |= field.KnownFalse(field.Slot(_event!, _stamp));
        }

        return mask;
    }

    /// <summary>True when <paramref name="mask"/>, from <see cref="KnownFalse"/>, has the bit of <paramref name="rule"/>.</summary>
    public static bool IsKnownFalse(ulong mask, int rule) => rule < MaskRules && ((mask >> rule) & 1) != 0;

    /// <summary>Stores that rule <paramref name="rule"/> did not match the current event, for <see cref="KnownFalse"/>.</summary>
    public void StoreFalse(int rule)
    {
        if (_singleField[rule] is { } field)
        {
            field.MarkFalse(field.Slot(_event!, _stamp), 1UL << rule);
        }
    }

    private static bool IsCacheable(string field) => !Uncached.Contains(field) && FieldValues.Reads(field);

    /// <summary>A cached outcome: null until the rule has been evaluated for these values.</summary>
    internal sealed class RuleOutcome
    {
        public bool? Matched { get; set; }

        public IReadOnlyList<MatchedClause>? Clauses { get; set; }
    }

    /// <summary>The distinct values seen of one field, each numbered by a slot; slot 0 is "not set".</summary>
    private sealed class FieldValues
    {
        private readonly Func<DecisionEvent, string?>? _text;
        private readonly Func<DecisionEvent, long?>? _number;
        private readonly Dictionary<string, int> _texts = new(StringComparer.Ordinal);
        private readonly Dictionary<long, int> _numbers = [];
        private readonly string?[] _recentTexts = new string?[RecentSize];
        private readonly int[] _recentSlots = new int[RecentSize];
        private ulong[] _knownFalse = new ulong[64];
        private long _stamp = -1;
        private int _slot;
        private long _lookups;
        private long _hits;

        private FieldValues(Func<DecisionEvent, string?>? text, Func<DecisionEvent, long?>? number)
        {
            _text = text;
            _number = number;
        }

        public List<RuleEntries> Dependents { get; } = [];

        /// <summary>Set once the field's values proved too varied to cache.</summary>
        public bool Disabled { get; private set; }

        public static bool Reads(string field) => TextOf(field) is not null || NumberOf(field) is not null;

        /// <summary>
        /// True for a text field. A rule that reads numbers only is not cached: comparing a number costs less than
        /// looking its value up.
        /// </summary>
        public static bool IsText(string field) => TextOf(field) is not null;

        public static FieldValues For(string field) => new(TextOf(field), NumberOf(field));

        /// <summary>The slot of the event's value, the same for every rule during one event; -1 once disabled.</summary>
        public int Slot(DecisionEvent decisionEvent, long stamp)
        {
            if (_stamp == stamp)
            {
                return _slot;
            }

            _stamp = stamp;
            _slot = Disabled ? -1 : Lookup(decisionEvent);
            return _slot;
        }

        /// <summary>The bits of the rules known false for the value in <paramref name="slot"/>; none for -1.</summary>
        public ulong KnownFalse(int slot) => (uint)slot < (uint)_knownFalse.Length ? _knownFalse[slot] : 0;

        public void MarkFalse(int slot, ulong bit)
        {
            if (slot < 0)
            {
                return;
            }

            if (slot >= _knownFalse.Length)
            {
                Array.Resize(ref _knownFalse, Math.Max(slot + 1, _knownFalse.Length * 2));
            }

            _knownFalse[slot] |= bit;
        }

        private int Lookup(DecisionEvent decisionEvent)
        {
            _lookups++;
            if (_text is not null)
            {
                return _text(decisionEvent) is { } text ? FindText(text) : 0;
            }

            return _number!(decisionEvent) is { } number ? Find(_numbers, number) : 0;
        }

        /// <summary>
        /// Finds a text's slot, first by the string object: readers that share repeated text pass the same
        /// object again and again, and comparing references skips hashing the text.
        /// </summary>
        private int FindText(string text)
        {
            var recent = RuntimeHelpers.GetHashCode(text) & (RecentSize - 1);
            if (ReferenceEquals(_recentTexts[recent], text))
            {
                _hits++;
                return _recentSlots[recent];
            }

            var slot = Find(_texts, text);
            if (slot > 0)
            {
                (_recentTexts[recent], _recentSlots[recent]) = (text, slot);
            }

            return slot;
        }

        private int Find<TKey>(Dictionary<TKey, int> slots, TKey value)
            where TKey : notnull
        {
            if (slots.TryGetValue(value, out var slot))
            {
                _hits++;
                return slot;
            }

            if (slots.Count >= MaxValues)
            {
                Drop();
                if (Disabled)
                {
                    return -1;
                }
            }

            slot = slots.Count + 1;
            slots[value] = slot;
            return slot;
        }

        private void Drop()
        {
            Disabled = _hits * 2 < _lookups;
            _lookups = 0;
            _hits = 0;
            _texts.Clear();
            _numbers.Clear();
            Array.Clear(_recentTexts);
            Array.Clear(_knownFalse);
            foreach (var dependent in Dependents)
            {
                dependent.Clear();
            }
        }

        private static Func<DecisionEvent, string?>? TextOf(string field) => field switch
        {
            "source" => e => e.Source,
            "policy_id" => e => e.PolicyId,
            "policy_version" => e => e.PolicyVersion,
            "rule_id" => e => e.RuleId,
            "reason" => e => e.Reason,
            "client_ip" => e => e.ClientIp,
            "user_id" => e => e.UserId,
            "session_id" => e => e.SessionId,
            "tenant" => e => e.Tenant,
            "method" => e => e.Method,
            "host" => e => e.Host,
            "path" => e => e.Path,
            "query" => e => e.Query,
            "user_agent" => e => e.UserAgent,
            "referer" => e => e.Referer,
            "country" => e => e.Country,
            "asn" => e => e.Asn,
            "org" => e => e.Org,
            _ => null,
        };

        private static Func<DecisionEvent, long?>? NumberOf(string field) => field switch
        {
            "status" => e => e.Status,
            "bytes" => e => e.Bytes,
            "decision" => e => (long)e.Decision,
            "mode" => e => (long)e.Mode,
            _ => null,
        };
    }

    /// <summary>One rule's outcomes, by the slots of its fields' values.</summary>
    private sealed class RuleEntries(FieldValues[] fields)
    {
        private readonly Dictionary<(int, int, int), RuleOutcome> _byKey = [];
        private RuleOutcome?[] _bySlot = new RuleOutcome?[64];

        public RuleOutcome? Entry(DecisionEvent decisionEvent, long stamp)
        {
            var first = fields[0].Slot(decisionEvent, stamp);
            if (first < 0)
            {
                return null;
            }

            if (fields.Length == 1)
            {
                if (first >= _bySlot.Length)
                {
                    Array.Resize(ref _bySlot, Math.Max(first + 1, _bySlot.Length * 2));
                }

                return _bySlot[first] ??= new RuleOutcome();
            }

            var second = fields[1].Slot(decisionEvent, stamp);
            var third = fields.Length > 2 ? fields[2].Slot(decisionEvent, stamp) : 0;
            if (second < 0 || third < 0)
            {
                return null;
            }

            // A field met later in this event may have dropped its values, and with them this rule's entries.
            // The slots read above stay valid for this event, because each field numbers a value once per event.
            var key = (first, second, third);
            if (!_byKey.TryGetValue(key, out var outcome))
            {
                if (_byKey.Count >= MaxValues)
                {
                    _byKey.Clear();
                }

                outcome = new RuleOutcome();
                _byKey[key] = outcome;
            }

            return outcome;
        }

        public void Clear()
        {
            Array.Clear(_bySlot);
            _byKey.Clear();
        }
    }
}
