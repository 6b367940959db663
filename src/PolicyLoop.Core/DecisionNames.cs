namespace PolicyLoop.Core;

/// <summary>Conversions between the decision enums and their snake_case storage and JSON names.</summary>
public static class DecisionNames
{
    public static string ToName(this Decision decision) => decision switch
    {
        Decision.Allow => "allow",
        Decision.Deny => "deny",
        Decision.Throttle => "throttle",
        Decision.Challenge => "challenge",
        Decision.Error => "error",
        _ => "unknown",
    };

    public static string ToName(this EnforcementMode mode) =>
        mode == EnforcementMode.Shadow ? "shadow" : "enforce";

    /// <summary>Parses a decision name; returns false for anything but the six known names.</summary>
    public static bool TryParseDecision(string? text, out Decision decision)
    {
        decision = text?.Trim().ToLowerInvariant() switch
        {
            "allow" => Decision.Allow,
            "deny" => Decision.Deny,
            "throttle" => Decision.Throttle,
            "challenge" => Decision.Challenge,
            "error" => Decision.Error,
            "unknown" => Decision.Unknown,
            _ => (Decision)(-1),
        };
        return Enum.IsDefined(decision);
    }

    /// <summary>Parses a mode name (<c>enforce</c> or <c>shadow</c>).</summary>
    public static bool TryParseMode(string? text, out EnforcementMode mode)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "enforce":
                mode = EnforcementMode.Enforce;
                return true;
            case "shadow":
                mode = EnforcementMode.Shadow;
                return true;
            default:
                mode = EnforcementMode.Enforce;
                return false;
        }
    }

    /// <summary>True for a decision other than allow in enforce mode.</summary>
    public static bool IsReject(Decision decision, EnforcementMode mode) =>
        mode == EnforcementMode.Enforce && decision is not Decision.Allow and not Decision.Unknown;
}
