using PolicyLoop.Core;

namespace PolicyLoop.Ingest;

/// <summary>A parsed event, or the reason in plain words why the record could not be parsed.</summary>
public readonly struct ParseOutcome
{
    private ParseOutcome(DecisionEvent? decisionEvent, string? error)
    {
        Event = decisionEvent;
        Error = error;
    }

    public DecisionEvent? Event { get; }

    public string? Error { get; }

    public static ParseOutcome Success(DecisionEvent decisionEvent) => new(decisionEvent, null);

    public static ParseOutcome Failure(string reason) => new(null, reason);
}
