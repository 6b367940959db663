using System.Text;

namespace PolicyLoop.Core;

/// <summary>
/// One logged decision of an enforcement point, normalised from any source format.
/// Readers fill what their format logs and leave the rest null.
/// </summary>
public sealed class DecisionEvent
{
    /// <summary>The source's own id, or a hash of the input's identity and the record's byte offset.</summary>
    public required string EventId { get; set; }

    /// <summary>Decision time in UTC, with microsecond precision in the store.</summary>
    public DateTime Time { get; set; }

    /// <summary>The system that wrote the log: apache, nginx, aws-waf, opa, modsecurity, moderation, jsonl.</summary>
    public required string Source { get; set; }

    public Decision Decision { get; set; } = Decision.Unknown;

    public EnforcementMode Mode { get; set; } = EnforcementMode.Enforce;

    public string? PolicyId { get; set; }

    public string? PolicyVersion { get; set; }

    /// <summary>The deciding (terminating) rule.</summary>
    public string? RuleId { get; set; }

    /// <summary>Every rule that matched, including count, shadow and anomaly-score rules.</summary>
    public IReadOnlyList<string> MatchedRules { get; set; } = [];

    public string? Reason { get; set; }

    /// <summary>Client address in canonical text form.</summary>
    public string? ClientIp { get; set; }

    public string? UserId { get; set; }

    public IReadOnlyList<string> Roles { get; set; } = [];

    public string? SessionId { get; set; }

    public string? Tenant { get; set; }

    public string? Method { get; set; }

    public string? Host { get; set; }

    public string? Path { get; set; }

    public string? Query { get; set; }

    public int? Status { get; set; }

    public string? UserAgent { get; set; }

    public string? Referer { get; set; }

    public long? Bytes { get; set; }

    /// <summary>Text under moderation (a prompt or a body excerpt), capped in size.</summary>
    public string? Content { get; set; }

    /// <summary>Classifier category scores, such as moderation category scores.</summary>
    public IReadOnlyDictionary<string, double> Scores { get; set; } = EmptyScores;

    public string? Country { get; set; }

    public string? Asn { get; set; }

    public string? Org { get; set; }

    /// <summary>Enrichment and source labels, such as AWS WAF labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; set; } = EmptyLabels;

    /// <summary>Everything else the source logged, as a JSON object text; null when there is nothing.</summary>
    public string? Attributes { get; set; }

    /// <summary>The original record text; when a reader kept only <see cref="RawUtf8"/>, the first read decodes it.</summary>
    public string? Raw
    {
        get => _raw ??= _rawUtf8.IsEmpty ? null : Encoding.UTF8.GetString(_rawUtf8.Span);
        set
        {
            _raw = value;
            _rawUtf8 = default;
        }
    }

    /// <summary>
    /// The original record as UTF-8 bytes, for readers that skip decoding it; empty otherwise.
    /// Setting <see cref="Raw"/> clears it, so rewritten text (masking) wins over the original bytes.
    /// The ingest pipeline keeps these bytes valid only until the event's batch is stored.
    /// </summary>
    public ReadOnlyMemory<byte> RawUtf8
    {
        get => _rawUtf8;
        set
        {
            _rawUtf8 = value;
            _raw = null;
        }
    }

    /// <summary>True when the reader accepted a malformed record by a documented lenient rule.</summary>
    public bool Lenient { get; set; }

    /// <summary>Where the record was read from.</summary>
    public RecordLocation? Location { get; set; }

    /// <summary>True when this event counts as a reject: not allowed, in enforce mode.</summary>
    public bool IsReject => DecisionNames.IsReject(Decision, Mode);

    private string? _raw;
    private ReadOnlyMemory<byte> _rawUtf8;

    private static readonly Dictionary<string, double> EmptyScores = [];
    private static readonly Dictionary<string, string> EmptyLabels = [];
}
