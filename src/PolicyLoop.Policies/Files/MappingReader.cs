using PolicyLoop.Core;
using YamlDotNet.Core;

namespace PolicyLoop.Policies.Files;

/// <summary>Reads the keys of one YAML mapping and reports unknown, duplicate, missing and mistyped keys.</summary>
internal sealed class MappingReader
{
    private readonly Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> _entries = new(StringComparer.Ordinal);
    private readonly YamlMapping _mapping;
    private readonly string _file;
    private readonly List<Diagnostic> _diagnostics;

    public MappingReader(YamlMapping mapping, string file, string what, IReadOnlyCollection<string> allowed,
        List<Diagnostic> diagnostics)
    {
        _mapping = mapping;
        _file = file;
        _diagnostics = diagnostics;
        foreach (var entry in mapping.Entries)
        {
            var key = entry.Key.Value;
            if (!allowed.Contains(key))
            {
                var hint = Expressions.Compilation.Suggestions.Hint(key, allowed) ?? $"allowed keys: {string.Join(", ", allowed)}";
                Add("PL003", $"unknown key '{key}' in {what}", entry.Key, hint);
            }
            else if (!_entries.TryAdd(key, entry))
            {
                Add("PL004", $"duplicate key '{key}' in {what}", entry.Key, "remove one of the two entries");
            }
        }
    }

    public void Add(string code, string message, YamlNode node, string? hint = null) =>
        _diagnostics.Add(new Diagnostic(code, message, new DiagnosticLocation(_file, node.Line, node.Column), hint));

    public YamlNode? Node(string key) => _entries.TryGetValue(key, out var entry) ? entry.Value : null;

    public string? String(string key, bool required)
    {
        var node = Node(key);
        if (node is null || node is YamlScalar { IsNull: true })
        {
            if (required)
            {
                Add("PL005", $"missing required key '{key}'", _mapping, $"add '{key}:' to this mapping");
            }

            return null;
        }

        if (node is YamlScalar scalar)
        {
            return scalar.Value;
        }

        Add("PL006", $"'{key}' must be a text value", node);
        return null;
    }

    public List<string> Strings(string key)
    {
        var node = Node(key);
        switch (node)
        {
            case null or YamlScalar { IsNull: true }:
                return [];
            case YamlSequence sequence when sequence.Items.All(i => i is YamlScalar):
                return sequence.Items.Cast<YamlScalar>().Select(s => s.Value).ToList();
            default:
                Add("PL006", $"'{key}' must be a list of text values", node);
                return [];
        }
    }

    public static bool IsBlock(YamlScalar scalar) => scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded;
}
