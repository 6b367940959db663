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
                output.WriteLine($"  {number} | {line}");
                var caretColumn = Math.Clamp(location.Column, 1, line.Length + 1);
                output.WriteLine($"  {new string(' ', number.Length)} | {new string(' ', caretColumn - 1)}^");
            }

            if (diagnostic.Hint is { } hint)
            {
                output.WriteLine($"  hint: {hint}");
            }
        }
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
