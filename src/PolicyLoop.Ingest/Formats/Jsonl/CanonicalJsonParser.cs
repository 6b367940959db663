using PolicyLoop.Core;

namespace PolicyLoop.Ingest.Formats.Jsonl;

/// <summary>
/// Reads JSON lines in the shape of the event record itself, with the snake_case field names of
/// the store (<c>event_id</c>, <c>time</c>, <c>decision</c>, <c>rule_id</c>, ...), as used when no
/// mapping file is given. Unknown fields go to the attributes. <c>decision</c> and <c>mode</c> must
/// be one of their names when present (missing gives <c>unknown</c> and <c>enforce</c>);
/// <c>source</c> defaults to <c>jsonl</c>, and <c>raw</c> to the line itself.
/// </summary>
public sealed class CanonicalJsonParser : IRecordParser
{
    private readonly MappedJsonParser _inner = new(CanonicalMapping);

    public string Format => LogFormat.Jsonl;

    /// <summary>The mapping in which every event field is read from the property of the same name.</summary>
    public static JsonMapping CanonicalMapping { get; } = new(
        LogFormat.Jsonl,
        MappableFields.Kinds.Keys.ToDictionary(name => name, PathOf, StringComparer.Ordinal),
        new ValueTable<Decision>(PathOf("decision"), new Dictionary<string, Decision>(), null, Decision.Unknown),
        new ValueTable<EnforcementMode>(PathOf("mode"), new Dictionary<string, EnforcementMode>(), null,
            EnforcementMode.Enforce),
        EnforcementMode.Enforce,
        TimeFormat.Auto);

    public ParseOutcome Parse(in RawRecord record, string text, InputIdentity input) =>
        _inner.Parse(record, text, input);

    private static JsonFieldPath PathOf(string name) =>
        JsonFieldPath.TryParse(name, out _, out _) ?? throw new InvalidOperationException($"invalid field name {name}");
}
