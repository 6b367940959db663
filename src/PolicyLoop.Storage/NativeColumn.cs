using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DuckDB.NET.Native;
using PolicyLoop.Core;

namespace PolicyLoop.Storage;

/// <summary>
/// One column of the events table read straight from DuckDB's result vectors through the C API.
/// Values are first captured from a result chunk into this column's own arrays, so the chunk can
/// be freed at once, and later assigned to decision event fields in any order. Repeated text is
/// shared through a <see cref="TextPool"/>, so a replay does not allocate a new string for every
/// path and user agent it reads. The conversions match <see cref="DuckDbEventStore.ReadEvents"/>,
/// so both reads give equal fields.
/// </summary>
internal sealed unsafe class NativeColumn
{
    /// <summary>Columns whose values are unique or large, which are decoded without pooling.</summary>
    private static readonly HashSet<string> Unpooled = new(StringComparer.Ordinal) { "event_id", "content", "raw", "attributes" };

    private static readonly string[] NoText = [];

    /// <summary>The columns every projected read selects, first: identity, order and the logged decision.</summary>
    public static IReadOnlyList<string> Always { get; } = ["event_id", "time", "source", "decision", "mode"];

    private readonly Action<NativeColumn, DecisionEvent, int> _assign;
    private readonly TextPool? _pool;
    private Vectors _vectors;
    private string?[] _texts = [];
    private IReadOnlyList<string>[] _lists = [];
    private long[] _numbers = [];
    private bool[] _valid = [];

    private NativeColumn(string name, ColumnKind kind, Action<NativeColumn, DecisionEvent, int> assign)
    {
        Name = name;
        Kind = kind;
        _assign = assign;
        _pool = Unpooled.Contains(name) ? null : new TextPool();
    }

    private enum ColumnKind
    {
        Text,
        TextList,
        Int32,
        Int64,
        Boolean,
    }

    public string Name { get; }

    private ColumnKind Kind { get; }

    public bool IsList => Kind == ColumnKind.TextList;

    /// <summary>The pointers of one chunk's vector of this column, taken once per chunk.</summary>
    public readonly record struct Vectors(IntPtr Data, IntPtr Validity, IntPtr ChildData, IntPtr ChildValidity);

    public static NativeColumn For(string column) => column switch
    {
        "event_id" => Text(column, (c, e, i) => e.EventId = c._texts[i]!),
        "time" => new(column, ColumnKind.Int64, (c, e, i) => e.Time = DateTime.UnixEpoch.AddTicks(c._numbers[i] * TimeSpan.TicksPerMicrosecond)),
        "source" => Text(column, (c, e, i) => e.Source = c._texts[i]!),
        "decision" => Text(column, (c, e, i) =>
            e.Decision = DecisionNames.TryParseDecision(c._texts[i]!, out var parsed) ? parsed : Decision.Unknown),
        "mode" => Text(column, (c, e, i) =>
            e.Mode = DecisionNames.TryParseMode(c._texts[i]!, out var parsed) ? parsed : EnforcementMode.Enforce),
        "policy_id" => Text(column, (c, e, i) => e.PolicyId = c._texts[i]),
        "policy_version" => Text(column, (c, e, i) => e.PolicyVersion = c._texts[i]),
        "rule_id" => Text(column, (c, e, i) => e.RuleId = c._texts[i]),
        "matched_rules" => new(column, ColumnKind.TextList, (c, e, i) => e.MatchedRules = c._lists[i]),
        "reason" => Text(column, (c, e, i) => e.Reason = c._texts[i]),
        "client_ip" => Text(column, (c, e, i) => e.ClientIp = c._texts[i]),
        "user_id" => Text(column, (c, e, i) => e.UserId = c._texts[i]),
        "roles" => new(column, ColumnKind.TextList, (c, e, i) => e.Roles = c._lists[i]),
        "session_id" => Text(column, (c, e, i) => e.SessionId = c._texts[i]),
        "tenant" => Text(column, (c, e, i) => e.Tenant = c._texts[i]),
        "method" => Text(column, (c, e, i) => e.Method = c._texts[i]),
        "host" => Text(column, (c, e, i) => e.Host = c._texts[i]),
        "path" => Text(column, (c, e, i) => e.Path = c._texts[i]),
        "query" => Text(column, (c, e, i) => e.Query = c._texts[i]),
        "status" => new(column, ColumnKind.Int32, (c, e, i) => e.Status = c._valid[i] ? (int)c._numbers[i] : null),
        "user_agent" => Text(column, (c, e, i) => e.UserAgent = c._texts[i]),
        "referer" => Text(column, (c, e, i) => e.Referer = c._texts[i]),
        "bytes" => new(column, ColumnKind.Int64, (c, e, i) => e.Bytes = c._valid[i] ? c._numbers[i] : null),
        "content" => Text(column, (c, e, i) => e.Content = c._texts[i]),
        "scores" => Text(column, (c, e, i) => e.Scores = Map(c._texts[i], StoreJsonContext.Default.DictionaryStringDouble) ?? []),
        "country" => Text(column, (c, e, i) => e.Country = c._texts[i]),
        "asn" => Text(column, (c, e, i) => e.Asn = c._texts[i]),
        "org" => Text(column, (c, e, i) => e.Org = c._texts[i]),
        "labels" => Text(column, (c, e, i) => e.Labels = Map(c._texts[i], StoreJsonContext.Default.DictionaryStringString) ?? []),
        "attributes" => Text(column, (c, e, i) => e.Attributes = c._texts[i]),
        "raw" => Text(column, (c, e, i) => e.Raw = c._texts[i]),
        "lenient" => new(column, ColumnKind.Boolean, (c, e, i) => e.Lenient = c._numbers[i] != 0),
        _ => throw new ArgumentException($"unknown event column \"{column}\"", nameof(column)),
    };

    /// <summary>Takes the pointers of the column's vector in a chunk; a list column also takes its child's.</summary>
    public static Vectors VectorsOf(IntPtr vector, bool isList)
    {
        var child = isList ? NativeMethods.Vectors.DuckDBListVectorGetChild(vector) : IntPtr.Zero;
        return new Vectors(
            (IntPtr)NativeMethods.Vectors.DuckDBVectorGetData(vector),
            (IntPtr)NativeMethods.Vectors.DuckDBVectorGetValidity(vector),
            isList ? (IntPtr)NativeMethods.Vectors.DuckDBVectorGetData(child) : IntPtr.Zero,
            isList ? (IntPtr)NativeMethods.Vectors.DuckDBVectorGetValidity(child) : IntPtr.Zero);
    }

    /// <summary>Points the column at one chunk's vectors, for the captures that follow.</summary>
    public void Use(Vectors vectors) => _vectors = vectors;

    /// <summary>Makes room for <paramref name="length"/> captured values.</summary>
    public void Reserve(int length)
    {
        switch (Kind)
        {
            case ColumnKind.Text:
                Array.Resize(ref _texts, length);
                break;
            case ColumnKind.TextList:
                Array.Resize(ref _lists, length);
                break;
            default:
                Array.Resize(ref _numbers, length);
                Array.Resize(ref _valid, length);
                break;
        }
    }

    /// <summary>Copies the first <paramref name="rows"/> values of the chunk in use to the slots from <paramref name="start"/>.</summary>
    public void Capture(int rows, int start)
    {
        var validity = (ulong*)_vectors.Validity;
        switch (Kind)
        {
            case ColumnKind.Text:
                var strings = (byte*)_vectors.Data;
                for (var row = 0; row < rows; row++)
                {
                    _texts[start + row] = IsValid(validity, row) ? Decode(Utf8Of(strings, row)) : null;
                }

                break;
            case ColumnKind.TextList:
                for (var row = 0; row < rows; row++)
                {
                    _lists[start + row] = IsValid(validity, row) ? TextList(row) : NoText;
                }

                break;
            default:
                for (var row = 0; row < rows; row++)
                {
                    var valid = IsValid(validity, row);
                    _valid[start + row] = valid;
                    _numbers[start + row] = !valid ? 0 : Kind switch
                    {
                        ColumnKind.Int32 => ((int*)_vectors.Data)[row],
                        ColumnKind.Boolean => ((byte*)_vectors.Data)[row],
                        _ => ((long*)_vectors.Data)[row],
                    };
                }

                break;
        }
    }

    /// <summary>Sets the event's field from slot <paramref name="index"/>.</summary>
    public void Assign(DecisionEvent target, int index) => _assign(this, target, index);

    /// <summary>The captured value of a 64-bit column, such as time in microseconds.</summary>
    public long Number(int index) => _numbers[index];

    /// <summary>The captured value of a text column.</summary>
    public string? TextAt(int index) => _texts[index];

    /// <summary>
    /// Reads a <c>duckdb_string_t</c>: a 4-byte length, then up to 12 bytes inline, or for longer
    /// text a 4-byte prefix and a pointer to the bytes.
    /// </summary>
    private static ReadOnlySpan<byte> Utf8Of(byte* strings, int row)
    {
        var element = strings + (row * 16L);
        var length = (int)*(uint*)element;
        return length <= 12 ? new ReadOnlySpan<byte>(element + 4, length) : new ReadOnlySpan<byte>(*(byte**)(element + 8), length);
    }

    private static bool IsValid(ulong* validity, int row) => validity is null || ((validity[row >> 6] >> (row & 63)) & 1) != 0;

    private static NativeColumn Text(string name, Action<NativeColumn, DecisionEvent, int> assign) => new(name, ColumnKind.Text, assign);

    private string Decode(ReadOnlySpan<byte> utf8) => _pool is null ? Encoding.UTF8.GetString(utf8) : _pool.Get(utf8);

    private List<string> TextList(int row)
    {
        var entry = ((DuckDBListEntry*)_vectors.Data)[row];
        var list = new List<string>((int)entry.Length);
        for (var i = (int)entry.Offset; i < (int)(entry.Offset + entry.Length); i++)
        {
            if (IsValid((ulong*)_vectors.ChildValidity, i))
            {
                list.Add(Decode(Utf8Of((byte*)_vectors.ChildData, i)));
            }
        }

        return list;
    }

    private static T? Map<T>(string? json, JsonTypeInfo<T> type)
        where T : class =>
        json is null ? null : JsonSerializer.Deserialize(json, type);
}
