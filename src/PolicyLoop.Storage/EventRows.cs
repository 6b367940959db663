using System.Text.Json;
using DuckDB.NET.Data;
using PolicyLoop.Core;

namespace PolicyLoop.Storage;

/// <summary>Writes a decision event as one row, in the column order of the events table.</summary>
internal static class EventRows
{
    public static void Append(IDuckDBAppenderRow row, DecisionEvent e, DateTime now)
    {
        row.AppendValue(e.EventId)
            .AppendValue(e.Time)
            .AppendValue(e.Source)
            .AppendValue(e.Decision.ToName())
            .AppendValue(e.Mode.ToName())
            .AppendValue(e.PolicyId)
            .AppendValue(e.PolicyVersion)
            .AppendValue(e.RuleId)
            .AppendValue(e.MatchedRules.Count == 0 ? null : e.MatchedRules)
            .AppendValue(e.Reason)
            .AppendValue(e.ClientIp)
            .AppendValue(e.UserId)
            .AppendValue(e.Roles.Count == 0 ? null : e.Roles)
            .AppendValue(e.SessionId)
            .AppendValue(e.Tenant)
            .AppendValue(e.Method)
            .AppendValue(e.Host)
            .AppendValue(e.Path)
            .AppendValue(e.Query)
            .AppendValue(e.Status)
            .AppendValue(e.UserAgent)
            .AppendValue(e.Referer)
            .AppendValue(e.Bytes)
            .AppendValue(e.Content)
            .AppendValue(e.Scores.Count == 0 ? null : JsonSerializer.Serialize(e.Scores, StoreJsonContext.Default.IReadOnlyDictionaryStringDouble))
            .AppendValue(e.Country)
            .AppendValue(e.Asn)
            .AppendValue(e.Org)
            .AppendValue(e.Labels.Count == 0 ? null : JsonSerializer.Serialize(e.Labels, StoreJsonContext.Default.IReadOnlyDictionaryStringString))
            .AppendValue(e.Attributes)
            .AppendValue(e.Raw)
            .AppendValue(e.Lenient)
            .AppendValue(e.Location?.File)
            .AppendValue(e.Location?.Line)
            .AppendValue(e.Location?.ByteOffset)
            .AppendValue(now)
            .EndRow();
    }
}
