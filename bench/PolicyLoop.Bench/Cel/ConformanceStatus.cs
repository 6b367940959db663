namespace PolicyLoop.Bench.Cel;

internal enum ConformanceStatus
{
    Passed,
    Failed,
    OutOfScope,
}
