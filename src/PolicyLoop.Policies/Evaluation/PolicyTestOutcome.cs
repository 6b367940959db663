namespace PolicyLoop.Policies.Evaluation;

/// <summary>The result of one policy test; <see cref="Failure"/> describes what differed, null when it passed.</summary>
public sealed record PolicyTestOutcome(string Policy, string Name, string File, int Line, string? Failure, TimeSpan Duration)
{
    public bool Passed => Failure is null;
}
