namespace PolicyLoop.Bench.Cel;

/// <summary>The outcome of one conformance test: passed, failed with a reason, or out of scope with a reason.</summary>
internal sealed record ConformanceTest(string File, string Section, string Name, ConformanceStatus Status, string? Reason);
