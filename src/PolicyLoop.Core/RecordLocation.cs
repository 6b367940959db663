namespace PolicyLoop.Core;

/// <summary>
/// Where a record sits in its input: the file as the user named it, the 1-based line number
/// and the 0-based byte offset of the record's first byte in the decompressed stream.
/// </summary>
public readonly record struct RecordLocation(string File, long Line, long ByteOffset)
{
    public override string ToString() => $"{File}:{Line} (byte {ByteOffset})";
}
