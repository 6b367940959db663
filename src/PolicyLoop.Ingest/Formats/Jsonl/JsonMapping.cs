using PolicyLoop.Core;

namespace PolicyLoop.Ingest.Formats.Jsonl;

/// <summary>
/// A field mapping for generic JSON lines: which JSON path fills which event field, how the
/// decision and the mode are found, the source name and the time format.
/// </summary>
/// <param name="Source">The source name of the events, unless a <c>source</c> field is mapped and present.</param>
/// <param name="Fields">
/// Event field name (snake_case) to the path that fills it. <c>time</c> is present unless the file
/// was loaded only for its decision rules.
/// </param>
/// <param name="Decision">How the decision is found, or null when every event's decision is unknown.</param>
/// <param name="Mode">How the mode is found, or null for <see cref="ConstantMode"/>.</param>
/// <param name="ConstantMode">The mode of every event when <paramref name="Mode"/> is null.</param>
/// <param name="TimeFormat">How the <c>time</c> value is read.</param>
public sealed record JsonMapping(
    string Source,
    IReadOnlyDictionary<string, JsonFieldPath> Fields,
    ValueTable<Decision>? Decision,
    ValueTable<EnforcementMode>? Mode,
    EnforcementMode ConstantMode,
    TimeFormat TimeFormat);
