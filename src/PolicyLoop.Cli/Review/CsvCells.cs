using System.Text;

namespace PolicyLoop.Cli.Review;

/// <summary>
/// Writes and reads CSV cells (RFC 4180). Exported cells that a spreadsheet would run as a
/// formula (starting with =, +, -, @, a tab or a carriage return) get a leading single quote,
/// which spreadsheets show as text; reading removes that quote again.
/// </summary>
internal static class CsvCells
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>Returns the cell as CSV text: neutralised, then quoted when it contains a separator, quote or line break.</summary>
    public static string Write(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && FormulaStarts.Contains(text[0]))
        {
            text = "'" + text;
        }

        var needsQuotes = text.AsSpan().IndexOfAny(",\"\r\n") >= 0 || text != text.Trim();
        return needsQuotes ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>Undoes the neutralisation of <see cref="Write"/>: removes a single quote that precedes a formula character.</summary>
    public static string Restore(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && FormulaStarts.Contains(cell[1]) ? cell[1..] : cell;

    /// <summary>
    /// Splits CSV text into records with the line each starts on. A quoted cell that is never
    /// closed makes its record an error instead of cells.
    /// </summary>
    public static IEnumerable<CsvRecord> Read(TextReader reader)
    {
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var start = line;
            var cells = new List<string>();
            var cell = new StringBuilder();
            var quoted = false;
            var i = 0;
            while (true)
            {
                if (i >= text.Length)
                {
                    if (!quoted)
                    {
                        cells.Add(cell.ToString());
                        break;
                    }

                    // A quoted cell continues on the next line.
                    if (reader.ReadLine() is not { } next)
                    {
                        yield return new CsvRecord(start, [], "a quoted cell is not closed before the end of the file");
                        yield break;
                    }

                    line++;
                    cell.Append('\n');
                    text = next;
                    i = 0;
                    continue;
                }

                var c = text[i++];
                if (quoted)
                {
                    if (c == '"' && i < text.Length && text[i] == '"')
                    {
                        cell.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        cell.Append(c);
                    }
                }
                else if (c == '"' && cell.Length == 0)
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    cells.Add(cell.ToString());
                    cell.Clear();
                }
                else
                {
                    cell.Append(c);
                }
            }

            if (cells.Count == 1 && cells[0].Length == 0)
            {
                continue;
            }

            yield return new CsvRecord(start, cells, null);
        }
    }
}
