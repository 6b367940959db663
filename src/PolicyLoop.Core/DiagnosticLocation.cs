namespace PolicyLoop.Core;

/// <summary>A position in a user's file: 1-based line and column, or a byte offset when lines do not apply.</summary>
public sealed record DiagnosticLocation(string File, int Line = 0, int Column = 0, long? ByteOffset = null)
{
    public override string ToString()
    {
        if (Line > 0)
        {
            return Column > 0 ? $"{File}:{Line}:{Column}" : $"{File}:{Line}";
        }

        return ByteOffset is { } offset ? $"{File}@{offset}" : File;
    }
}
