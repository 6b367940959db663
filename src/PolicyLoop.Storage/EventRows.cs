using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using PolicyLoop.Core;

namespace PolicyLoop.Storage;

/// <summary>
/// Writes a decision event as one row, in the column order of the events table. Text goes to
/// the appender as UTF-8 bytes encoded into a reused buffer, which skips DuckDB.NET's per-value
/// string marshalling. Not thread-safe.
/// </summary>
internal sealed class EventRows
{
    private byte[] _utf8 = new byte[4096];

    public void Append(IDuckDBAppenderRow row, DecisionEvent e, DateTime now)
    {
        Text(row, e.EventId);
        row.AppendValue(e.Time);
        Text(row, e.Source);
        Text(row, e.Decision.ToName());
        Text(row, e.Mode.ToName());
        Text(row, e.PolicyId);
        Text(row, e.PolicyVersion);
        Text(row, e.RuleId);
        row.AppendValue(e.MatchedRules.Count == 0 ? null : e.MatchedRules);
        Text(row, e.Reason);
        Text(row, e.ClientIp);
        Text(row, e.UserId);
        row.AppendValue(e.Roles.Count == 0 ? null : e.Roles);
        Text(row, e.SessionId);
        Text(row, e.Tenant);
        Text(row, e.Method);
        Text(row, e.Host);
        Text(row, e.Path);
        Text(row, e.Query);
        row.AppendValue(e.Status);
        Text(row, e.UserAgent);
        Text(row, e.Referer);
        row.AppendValue(e.Bytes);
        Text(row, e.Content);
        Text(row, e.Scores.Count == 0 ? null : JsonSerializer.Serialize(e.Scores, StoreJsonContext.Default.IReadOnlyDictionaryStringDouble));
        Text(row, e.Country);
        Text(row, e.Asn);
        Text(row, e.Org);
        Text(row, e.Labels.Count == 0 ? null : JsonSerializer.Serialize(e.Labels, StoreJsonContext.Default.IReadOnlyDictionaryStringString));
        Text(row, e.Attributes);
        if (e.RawUtf8.IsEmpty)
        {
            Text(row, e.Raw);
        }
        else
        {
            row.AppendValue(MemoryMarshal.AsMemory(e.RawUtf8).Span);
        }

        row.AppendValue(e.Lenient);
        Text(row, e.Location?.File);
        row.AppendValue(e.Location?.Line);
        row.AppendValue(e.Location?.ByteOffset);
        row.AppendValue(now);
        row.EndRow();
    }

    private void Text(IDuckDBAppenderRow row, string? value)
    {
        if (value is null)
        {
            row.AppendNullValue();
            return;
        }

        var maxBytes = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (maxBytes > _utf8.Length)
        {
            _utf8 = new byte[Math.Max(maxBytes, _utf8.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(value, _utf8);
        row.AppendValue(_utf8.AsSpan(0, length));
    }
}
