using PolicyLoop.Core;
using YamlDotNet.Core;

namespace PolicyLoop.Policies.Files;

/// <summary>
/// Loads a policy file and reports every structural problem (invalid YAML, unknown keys, duplicate rule ids,
/// missing fields) with file, line and column. Expressions are checked later by the policy compiler.
/// </summary>
public static partial class PolicyLoader
{
    private static readonly string[] PolicyKeys = ["id", "version", "description", "default", "lists", "rules", "tests"];
    private static readonly string[] RuleKeys = ["id", "description", "when", "action", "mode", "severity", "tags", "evidence"];

    /// <summary>
    /// Loads a policy from its text; <paramref name="file"/> names it in diagnostics. The policy is returned with
    /// the rules that could be read even when there are diagnostics, so expression errors can be reported too.
    /// </summary>
    public static (Policy? Policy, IReadOnlyList<Diagnostic> Diagnostics) Load(string text, string file)
    {
        var diagnostics = new List<Diagnostic>();
        YamlNode? root;
        try
        {
            root = YamlTreeReader.Read(text);
        }
        catch (YamlException ex)
        {
            var location = new DiagnosticLocation(file, (int)ex.Start.Line, (int)ex.Start.Column);
            diagnostics.Add(new Diagnostic("PL001", $"invalid YAML: {ex.Message}", location, "check indentation and quoting"));
            return (null, diagnostics);
        }

        if (root is not YamlMapping mapping)
        {
            var location = new DiagnosticLocation(file, root?.Line ?? 1, root?.Column ?? 1);
            diagnostics.Add(new Diagnostic("PL002", "a policy file must be a mapping with id, version, default and rules",
                location, "start the file with 'id: my-policy'"));
            return (null, diagnostics);
        }

        var policy = ReadPolicy(mapping, file, diagnostics);
        return (policy, diagnostics);
    }

    private static Policy ReadPolicy(YamlMapping mapping, string file, List<Diagnostic> diagnostics)
    {
        var reader = new MappingReader(mapping, file, "the policy", PolicyKeys, diagnostics);
        var id = reader.String("id", required: true) ?? "";
        var version = reader.String("version", required: true) ?? "";
        var description = reader.String("description", required: false);
        var defaultAction = ReadAction(reader, "default", required: true, allowCount: false) ?? RuleAction.Allow;
        var lists = ReadLists(reader, file, diagnostics);
        var rules = ReadRules(reader, file, diagnostics);
        var tests = reader.Node("tests") is { } testsNode
            ? PolicyTestReader.Read(testsNode, file, diagnostics)
            : [];
        return new Policy(id, version, description, defaultAction, lists, rules, tests, file);
    }

    private static RuleAction? ReadAction(MappingReader reader, string key, bool required, bool allowCount)
    {
        var text = reader.String(key, required);
        if (text is null)
        {
            return null;
        }

        if (TryParseAction(text, out var action) && (allowCount || action != RuleAction.Count))
        {
            return action;
        }

        var allowed = allowCount ? "allow, deny, throttle, challenge or count" : "allow, deny, throttle or challenge";
        reader.Add("PL007", $"invalid {key} '{text}'", reader.Node(key)!, $"use {allowed}");
        return null;
    }

    public static bool TryParseAction(string text, out RuleAction action)
    {
        (action, var ok) = text switch
        {
            "allow" => (RuleAction.Allow, true),
            "deny" => (RuleAction.Deny, true),
            "throttle" => (RuleAction.Throttle, true),
            "challenge" => (RuleAction.Challenge, true),
            "count" => (RuleAction.Count, true),
            _ => (RuleAction.Allow, false),
        };
        return ok;
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadLists(MappingReader reader, string file, List<Diagnostic> diagnostics)
    {
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (reader.Node("lists") is not { } node || node is YamlScalar { IsNull: true })
        {
            return lists;
        }

        if (node is not YamlMapping mapping)
        {
            reader.Add("PL006", "'lists' must map list names to lists of strings or CIDRs", node);
            return lists;
        }

        var names = mapping.Entries.Select(e => e.Key.Value).Distinct().ToList();
        var listReader = new MappingReader(mapping, file, "lists", names, diagnostics);
        foreach (var name in names)
        {
            lists[name] = listReader.Strings(name);
        }

        return lists;
    }
}
