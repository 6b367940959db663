namespace PolicyLoop.Analysis.Patterns;

/// <summary>A reviewer's verdict on one reject by one rule, as far as segments and suggestions use it.</summary>
public enum ReviewVerdict
{
    FalsePositive,
    TruePositive,
}
