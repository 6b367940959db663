namespace PolicyLoop.Bench.Nab;

/// <summary>An anomaly window as row indexes of its series, both ends inclusive.</summary>
internal readonly record struct NabWindow(int First, int Last)
{
    public int Length => Last - First + 1;
}
