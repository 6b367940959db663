using System.Text.Json;
using PolicyLoop.Core;
using PolicyLoop.Policies.Expressions.Runtime;

namespace PolicyLoop.Policies.Evaluation;

/// <summary>
/// What a compiled expression reads: the event, free variables (for tests and the conformance harness),
/// the values of stateful functions computed for this event, and an optional explanation trace.
/// </summary>
public sealed class EvaluationContext
{
    private ICelMap? _attributes;

    public DecisionEvent? Event { get; private set; }

    public IReadOnlyDictionary<string, object?>? Variables { get; set; }

    /// <summary>Per call site of rate() and count(): the value for this event, or a <see cref="CelException"/>.</summary>
    public object?[] StatefulValues { get; set; } = [];

    public ExplainTrace? Trace { get; set; }

    /// <summary>The event's attributes parsed from JSON on first use; an empty map when the event has none.</summary>
    public ICelMap Attributes => _attributes ??= JsonValues.ParseObject(Event?.Attributes);

    public void Reset(DecisionEvent? decisionEvent)
    {
        Event = decisionEvent;
        _attributes = null;
        Trace = null;
    }

    internal static JsonDocumentOptions JsonOptions => new() { MaxDepth = 64 };
}
