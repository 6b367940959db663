namespace PolicyLoop.Analysis.Anomalies;

/// <summary>What changed in a scope's reject rate.</summary>
public enum AnomalyKind
{
    /// <summary>The rate of one bucket is far above the baseline.</summary>
    Spike,

    /// <summary>The rate of one bucket is far below the baseline.</summary>
    Drop,

    /// <summary>The rate has moved up and stayed there.</summary>
    LevelUp,

    /// <summary>The rate has moved down and stayed there.</summary>
    LevelDown,

    /// <summary>A rule that fired steadily has stopped firing.</summary>
    Silence,

    /// <summary>A rule that did not fire has started to fire.</summary>
    NewFiring,
}
