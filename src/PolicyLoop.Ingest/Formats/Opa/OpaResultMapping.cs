using System.Text.Json;
using PolicyLoop.Core;
using PolicyLoop.Ingest.Formats.Json;

namespace PolicyLoop.Ingest.Formats.Opa;

/// <summary>
/// Maps an OPA event's <c>error</c> and <c>result</c> to a decision, as documented on <see cref="OpaDecisionParser"/>.
/// </summary>
internal static class OpaResultMapping
{
    public static OpaOutcome Map(JsonElement root)
    {
        if (JsonValues.Get(root, "error") is { } error)
        {
            var message = JsonValues.GetString(error, "message") ?? JsonValues.AsString(error);
            return new OpaOutcome(Decision.Error, null, message);
        }

        if (JsonValues.Get(root, "result") is not { } result)
        {
            return new OpaOutcome(Decision.Unknown, null, null);
        }

        return result.ValueKind switch
        {
            JsonValueKind.True => new OpaOutcome(Decision.Allow, null, null),
            JsonValueKind.False => new OpaOutcome(Decision.Deny, null, null),
            JsonValueKind.Object => MapObject(result),
            _ => new OpaOutcome(Decision.Unknown, null, null),
        };
    }

    private static OpaOutcome MapObject(JsonElement result)
    {
        var rule = JsonValues.GetString(result, "rule");
        var reason = Reason(JsonValues.Get(result, "reason"));
        var allow = JsonValues.Get(result, "allow");
        var deny = JsonValues.Get(result, "deny");
        var denied = deny is { } denyValue && IsDenial(denyValue);

        if (denied)
        {
            reason ??= Reason(deny);
            return new OpaOutcome(Decision.Deny, rule, reason);
        }

        var decision = allow?.ValueKind switch
        {
            JsonValueKind.True => Decision.Allow,
            JsonValueKind.False => Decision.Deny,
            _ => deny is null ? Decision.Unknown : Decision.Allow,
        };
        return new OpaOutcome(decision, rule, reason);
    }

    // A deny set or message list that is empty means nothing was denied.
    private static bool IsDenial(JsonElement deny) => deny.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.String => deny.GetString() is { Length: > 0 },
        JsonValueKind.Array => deny.GetArrayLength() > 0,
        JsonValueKind.Object => deny.EnumerateObject().Any(),
        _ => false,
    };

    private static string? Reason(JsonElement? value)
    {
        var messages = JsonValues.GetStrings(value);
        return messages.Count == 0 ? null : string.Join("; ", messages);
    }
}
