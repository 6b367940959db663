namespace PolicyLoop.Core;

/// <summary>The outcome an enforcement point logged for one request.</summary>
public enum Decision
{
    Allow,
    Deny,
    Throttle,
    Challenge,
    Error,

    /// <summary>The log does not say what was decided.</summary>
    Unknown,
}
