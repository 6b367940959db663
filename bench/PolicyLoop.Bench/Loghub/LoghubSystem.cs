namespace PolicyLoop.Bench.Loghub;

/// <summary>
/// One Loghub-2k system: the message content of each line, the original event ids (the grouping ground
/// truth of Loghub-2k) and the templates to compare with: the corrected ones of Loghub-2.0 where they
/// exist, else the original ones. Loghub-2.0 groups by template text, so the templates are a second
/// grouping ground truth.
/// </summary>
internal sealed record LoghubSystem(
    string Name,
    string[] Contents,
    string[] EventIds,
    string[] Templates,
    bool TemplatesCorrected)
{
    public static IReadOnlyList<LoghubSystem> LoadAll(string directory) =>
        [.. Directory.GetDirectories(directory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => File.Exists(StructuredPath(directory, name)))
            .Order(StringComparer.Ordinal)
            .Select(name => Load(directory, name))];

    private static string StructuredPath(string directory, string name) =>
        Path.Combine(directory, name, $"{name}_2k.log_structured.csv");

    private static LoghubSystem Load(string directory, string name)
    {
        var original = Columns(StructuredPath(directory, name));
        var correctedPath = Path.Combine(
            directory, "corrected-loghub-2.0", name, $"{name}_2k.log_structured_corrected.csv");
        var corrected = File.Exists(correctedPath) ? Columns(correctedPath) : original;
        if (!corrected.Contents.SequenceEqual(original.Contents, StringComparer.Ordinal))
        {
            throw new InvalidDataException($"{correctedPath}: the Content column differs from {name}_2k.log_structured.csv");
        }

        return new LoghubSystem(
            name, original.Contents, original.EventIds, corrected.Templates,
            File.Exists(correctedPath));
    }

    private static (string[] Contents, string[] EventIds, string[] Templates) Columns(string path)
    {
        var rows = CsvRows.Read(path);
        var header = rows[0];
        int Column(string column) => Array.IndexOf(header, column) is var index and >= 0
            ? index
            : throw new InvalidDataException($"{path}: no {column} column");
        var content = Column("Content");
        var eventId = Column("EventId");
        var template = Column("EventTemplate");
        var data = rows.Skip(1).Where(row => row.Length == header.Length).ToList();
        if (data.Count != rows.Count - 1)
        {
            throw new InvalidDataException($"{path}: {rows.Count - 1 - data.Count} rows have the wrong number of fields");
        }

        return ([.. data.Select(row => row[content])], [.. data.Select(row => row[eventId])],
            [.. data.Select(row => row[template])]);
    }
}
