using PolicyLoop.Core;

namespace PolicyLoop.Cli.Policies;

/// <summary>Writes diagnostics as <c>file:line:column: error CODE: message</c>, the source line, a caret and a hint.</summary>
internal static class DiagnosticWriter
{
    public static void Write(TextWriter output, IEnumerable<Diagnostic> diagnostics)
    {
        var files = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            output.WriteLine($"{diagnostic.Location?.ToString() ?? "?"}: error {diagnostic.Code}: {diagnostic.Message}");
            if (diagnostic.Location is { Line: > 0 } location && LineOf(files, location) is { } line)
            {
                var number = location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var (shown, caret) = Window(line, location.Column);
                output.WriteLine($"  {number} | {shown}");
                output.WriteLine($"  {new string(' ', number.Length)} | {new string(' ', caret - 1)}^");
            }

            if (diagnostic.Hint is { } hint)
            {
                output.WriteLine($"  hint: {hint}");
            }
        }
    }

    /// <summary>Width of the source excerpt; longer lines are cut around the column, marked with "...".</summary>
    internal const int MaxExcerpt = 100;

    /// <summary>
    /// The part of a source line to show and the caret's 1-based column in it. Tabs and other control characters
    /// become spaces so that the caret stays under the reported column.
    /// </summary>
    internal static (string Shown, int Caret) Window(string line, int column)
    {
        var clean = string.Create(line.Length, line, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
        var caret = Math.Clamp(column, 1, clean.Length + 1);
        if (clean.Length <= MaxExcerpt)
        {
            return (clean, caret);
        }

        var start = Math.Clamp(caret - 1 - (MaxExcerpt / 2), 0, clean.Length - MaxExcerpt);
        var end = start + MaxExcerpt;
        var prefix = start > 0 ? "..." : "";
        var suffix = end < clean.Length ? "..." : "";
        return (prefix + clean[start..end] + suffix, caret - start + prefix.Length);
    }

    private static string? LineOf(Dictionary<string, string[]?> files, DiagnosticLocation location)
    {
        if (!files.TryGetValue(location.File, out var lines))
        {
            lines = File.Exists(location.File) ? File.ReadAllText(location.File).Split('\n') : null;
            files[location.File] = lines;
        }

        return lines is not null && location.Line <= lines.Length ? lines[location.Line - 1].TrimEnd('\r') : null;
    }
}
