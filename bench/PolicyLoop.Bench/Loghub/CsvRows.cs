using System.Text;

namespace PolicyLoop.Bench.Loghub;

/// <summary>Reads an RFC 4180 CSV file (quoted fields, doubled quotes, line breaks inside quotes).</summary>
internal static class CsvRows
{
    public static List<string[]> Read(string path)
    {
        var text = File.ReadAllText(path, new UTF8Encoding(false, false));
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                EndRow(rows, fields, field);
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            EndRow(rows, fields, field);
        }

        return rows;
    }

    private static void EndRow(List<string[]> rows, List<string> fields, StringBuilder field)
    {
        fields.Add(field.ToString());
        field.Clear();
        rows.Add([.. fields]);
        fields.Clear();
    }
}
