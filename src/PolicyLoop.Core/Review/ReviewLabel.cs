namespace PolicyLoop.Core.Review;

/// <summary>A reviewer's verdict on one sampled reject.</summary>
public enum ReviewLabel
{
    /// <summary>The reject was wrong: the request should have been allowed.</summary>
    FalsePositive,

    /// <summary>The reject was right: the request was an attack or abuse.</summary>
    TruePositive,

    /// <summary>A correct block of harmless traffic, such as a test client or a health check.</summary>
    Benign,

    /// <summary>The reviewer could not tell; left out of every estimate.</summary>
    Unsure,
}
