using System.Text;

namespace PolicyLoop.Bench.Cel;

/// <summary>A scalar token: a quoted string (as decoded bytes) or a bare word such as a number or an enum name.</summary>
internal sealed record TextScalar(string Word, byte[]? Bytes)
{
    public bool IsString => Bytes is not null;

    public string Text => Bytes is null ? Word : Encoding.UTF8.GetString(Bytes);
}
