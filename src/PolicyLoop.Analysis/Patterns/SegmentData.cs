namespace PolicyLoop.Analysis.Patterns;

/// <summary>
/// Events as dictionary-encoded attribute columns for segment mining. <c>Codes[a][i]</c> is the value code of
/// attribute <c>a</c> for event <c>i</c>, an index into <c>Values[a]</c>; code 0 means the value is missing.
/// <c>Groups[i]</c> is <see cref="Target"/>, <see cref="Comparison"/> or <see cref="Ignored"/>.
/// </summary>
public sealed class SegmentData
{
    public const byte Ignored = 0;
    public const byte Target = 1;
    public const byte Comparison = 2;

    public SegmentData(IReadOnlyList<string> attributes, int[][] codes, IReadOnlyList<string>[] values, byte[] groups)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(groups);
        if (codes.Length != attributes.Count || values.Length != attributes.Count)
        {
            throw new ArgumentException("every attribute needs one code column and one value list", nameof(codes));
        }

        if (codes.Any(column => column.Length < groups.Length))
        {
            throw new ArgumentException("every code column needs one code per event", nameof(codes));
        }

        Attributes = attributes;
        Codes = codes;
        Values = values;
        Groups = groups;
    }

    public IReadOnlyList<string> Attributes { get; }

    public int[][] Codes { get; }

    public IReadOnlyList<string>[] Values { get; }

    public byte[] Groups { get; }

    public int Count => Groups.Length;
}
