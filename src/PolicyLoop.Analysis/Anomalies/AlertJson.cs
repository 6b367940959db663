using System.Text;
using System.Text.Json;
using PolicyLoop.Core.Baselines;

namespace PolicyLoop.Analysis.Anomalies;

/// <summary>The JSON form of an alert, the same for the terminal, the JSON lines file and the webhook.</summary>
public static class AlertJson
{
    /// <summary>Writes <paramref name="alert"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, Anomaly alert)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(alert);
        writer.WriteStartObject();
        writer.WriteString("id", alert.Id);
        writer.WriteString("scope", alert.Scope.ToString());
        writer.WriteString("level", alert.Scope.Level.ToString().ToLowerInvariant());
        writer.WriteString("source", alert.Scope.Source);
        WriteId(writer, "policy_id", alert.Scope.PolicyId, alert.Scope.Level >= ScopeLevel.Policy);
        WriteId(writer, "rule_id", alert.Scope.RuleId, alert.Scope.Level == ScopeLevel.Rule);
        writer.WriteString("bucket_start", DateTime.SpecifyKind(alert.BucketStart, DateTimeKind.Utc));
        writer.WriteNumber("bucket_seconds", (long)alert.BucketWidth.TotalSeconds);
        writer.WriteString("kind", KindName(alert.Kind));
        writer.WriteString("detector", alert.Detector);
        writer.WriteNumber("observed_rate", Math.Round(alert.Observed, 6));
        writer.WriteNumber("expected_rate", Math.Round(alert.Expected, 6));
        writer.WriteNumber("band_lower", Math.Round(alert.Lower, 6));
        writer.WriteNumber("band_upper", Math.Round(alert.Upper, 6));
        writer.WriteNumber("events", alert.Total);
        writer.WriteNumber("rejects", alert.Rejects);
        writer.WriteString("reason", alert.Reason);
        writer.WriteEndObject();
    }

    /// <summary>Returns <paramref name="alert"/> as one line of JSON, without a line break.</summary>
    public static string ToLine(Anomaly alert)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, alert);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The snake_case name of a kind: <c>spike</c>, <c>drop</c>, <c>level_up</c>, and so on.</summary>
    public static string KindName(AnomalyKind kind) => kind switch
    {
        AnomalyKind.Spike => "spike",
        AnomalyKind.Drop => "drop",
        AnomalyKind.LevelUp => "level_up",
        AnomalyKind.LevelDown => "level_down",
        AnomalyKind.Silence => "silence",
        _ => "new_firing",
    };

    private static void WriteId(Utf8JsonWriter writer, string name, string id, bool inScope)
    {
        if (inScope && id.Length > 0)
        {
            writer.WriteString(name, id);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
