namespace PolicyLoop.Cli.Replay;

/// <summary>The arguments of one replay.</summary>
internal sealed record ReplayRequest(
    string Policy,
    string? Against,
    string Store,
    string? Since,
    string? Until,
    string? Source,
    string? Out,
    string Format,
    IReadOnlyList<string> FailOn,
    ulong Seed);
