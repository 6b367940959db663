using System.Text.Json;
using PolicyLoop.Core;

namespace PolicyLoop.Storage;

/// <summary>
/// The quarantine as JSON lines beside the store, one object per record with its file, line,
/// byte offset, reason and raw text. Appended after each batch commits; the store's quarantine
/// table is the authoritative copy.
/// </summary>
internal sealed class QuarantineFile(string path)
{
    public string Path { get; } = path;

    /// <summary>The quarantine file's path for a store file: <c>events.duckdb</c> gives <c>events.quarantine.jsonl</c>.</summary>
    public static string PathBeside(string storePath) => System.IO.Path.Combine(
        System.IO.Path.GetDirectoryName(storePath) ?? ".",
        System.IO.Path.GetFileNameWithoutExtension(storePath) + ".quarantine.jsonl");

    public void Append(IReadOnlyList<QuarantinedRecord> records, DateTime now)
    {
        if (records.Count == 0)
        {
            return;
        }

        using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        using var writer = new Utf8JsonWriter(stream);
        foreach (var record in records)
        {
            writer.WriteStartObject();
            writer.WriteString("id", record.Id);
            writer.WriteString("file", record.Location.File);
            writer.WriteNumber("line", record.Location.Line);
            writer.WriteNumber("byte_offset", record.Location.ByteOffset);
            writer.WriteString("format", record.Format);
            writer.WriteString("reason", record.Reason);
            writer.WriteString("raw", record.RawText);
            writer.WriteBoolean("raw_truncated", record.RawTruncated);
            if (record.RawBase64 is not null)
            {
                writer.WriteString("raw_base64", record.RawBase64);
            }

            writer.WriteString("quarantined_at", now);
            writer.WriteEndObject();
            writer.Flush();
            stream.WriteByte((byte)'\n');
            writer.Reset();
        }
    }
}
