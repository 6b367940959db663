using YamlDotNet.Core;

namespace PolicyLoop.Policies.Files;

/// <summary>A scalar: its text, its quoting style and where its text starts.</summary>
internal sealed record YamlScalar(int Line, int Column, string Value, ScalarStyle Style) : YamlNode(Line, Column)
{
    /// <summary>True for an unquoted <c>~</c>, <c>null</c> or empty scalar.</summary>
    public bool IsNull => Style == ScalarStyle.Plain && Value is "" or "~" or "null" or "Null" or "NULL";
}
