namespace PolicyLoop.Core;

/// <summary>Whether a decision took effect or was only logged.</summary>
public enum EnforcementMode
{
    Enforce,

    /// <summary>Logged only: count mode, dry run, or a canary's shadow evaluation.</summary>
    Shadow,
}
