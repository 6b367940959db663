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
        decision = ExactDecision(text);
        if (Enum.IsDefined(decision))
        {
            return true;
        }

        decision = ExactDecision(text?.Trim().ToLowerInvariant());
        return Enum.IsDefined(decision);
    }

    /// <summary>Parses a mode name (<c>enforce</c> or <c>shadow</c>).</summary>
    public static bool TryParseMode(string? text, out EnforcementMode mode)
    {
        // Stored names are already trimmed and lower case, so most calls need no new string.
        var parsed = ExactMode(text) ?? ExactMode(text?.Trim().ToLowerInvariant());
        mode = parsed ?? EnforcementMode.Enforce;
        return parsed is not null;
    }

    private static Decision ExactDecision(string? text) =>
        text switch
        {
            "allow" => Decision.Allow,
            "deny" => Decision.Deny,
            "throttle" => Decision.Throttle,
            "challenge" => Decision.Challenge,
            "error" => Decision.Error,
            "unknown" => Decision.Unknown,
            _ => (Decision)(-1),
        };

    private static EnforcementMode? ExactMode(string? text) => text switch
    {
        "enforce" => EnforcementMode.Enforce,
        "shadow" => EnforcementMode.Shadow,
        _ => null,
    };

    /// <summary>True for a decision other than allow in enforce mode.</summary>
    public static bool IsReject(Decision decision, EnforcementMode mode) =>
        mode == EnforcementMode.Enforce && decision is not Decision.Allow and not Decision.Unknown;
}
