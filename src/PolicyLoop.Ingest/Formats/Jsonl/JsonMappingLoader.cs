using PolicyLoop.Core;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyLoop.Ingest.Formats.Jsonl;

/// <summary>
/// Loads and validates a YAML mapping file for generic JSON lines. Validation reports every
/// problem at once, each with the file, line and column.
/// </summary>
/// <example>
/// <code>
/// source: edge-gateway
/// time_format: rfc3339          # auto (default), rfc3339, unix_s or unix_ms
/// mode: enforce                 # or shadow, or a table like decision
/// fields:
///   time: ts                    # required
///   event_id: request.id
///   client_ip: client.addr
///   matched_rules: policy.matches
/// decision:
///   path: policy.action
///   values: { pass: allow, block: deny, limit: throttle }
///   default: unknown
/// </code>
/// </example>
public static class JsonMappingLoader
{
    /// <summary>
    /// Reads and validates the mapping file; returns null with the problems when it is invalid.
    /// Pass <paramref name="requireFields"/> false for a file that only supplies decision rules to
    /// another format's reader, which may leave out the fields section.
    /// </summary>
    public static JsonMapping? Load(string path, out IReadOnlyList<Diagnostic> problems, bool requireFields = true)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var message = $"cannot read the mapping file: {ex.Message}";
            problems = [new Diagnostic("PL1100", message, new DiagnosticLocation(path))];
            return null;
        }

        return Parse(text, path, out problems, requireFields);
    }

    /// <summary>Validates mapping text; <paramref name="fileName"/> names it in the problems.</summary>
    public static JsonMapping? Parse(string yaml, string fileName, out IReadOnlyList<Diagnostic> problems,
        bool requireFields = true)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            var location = new DiagnosticLocation(fileName, (int)ex.Start.Line, (int)ex.Start.Column);
            problems = [new Diagnostic("PL1100", $"invalid YAML: {ex.Message}", location)];
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems = [new Diagnostic("PL1100", "the mapping file must be a YAML mapping with a fields section",
                new DiagnosticLocation(fileName, 1, 1), "see docs/formats.md for an example")];
            return null;
        }

        var reader = new MappingReader(fileName, requireFields);
        var mapping = reader.Read(root);
        problems = reader.Problems;
        return problems.Count == 0 ? mapping : null;
    }

    /// <summary>Formats problems one per line, for a single error message.</summary>
    public static string Describe(IReadOnlyList<Diagnostic> problems) =>
        $"the mapping file has {problems.Count} problem{(problems.Count == 1 ? "" : "s")}:\n"
        + string.Join("\n", problems.Select(problem => "  " + problem));
}
