using PolicyLoop.Core;
using PolicyLoop.Policies.Expressions.Compilation;
using PolicyLoop.Policies.Files;

namespace PolicyLoop.Policies.Evaluation;

/// <summary>Compiles every rule of a policy and reports all expression problems with file positions.</summary>
public static class PolicyCompiler
{
    /// <summary>Compiles the rules; <paramref name="fileText"/> is used to place errors inside block scalars.</summary>
    public static (CompiledPolicy? Policy, IReadOnlyList<Diagnostic> Diagnostics) Compile(Policy policy, string? fileText = null)
    {
        var environment = EventFields.CreateEnvironment();
        foreach (var (name, entries) in policy.Lists)
        {
            environment.AddList(new NamedList(name, entries));
        }

        var lines = fileText?.Split('\n');
        var diagnostics = new List<Diagnostic>();
        var rules = new List<CompiledRule>();
        foreach (var rule in policy.Rules)
        {
            var condition = ExpressionCompiler.Compile(rule.When, environment, requireBool: true, explain: false);
            diagnostics.AddRange(condition.Diagnostics.Select(d => ToDiagnostic(d, rule, lines)));
            if (condition.Succeeded)
            {
                rules.Add(new CompiledRule(rule, condition, environment));
            }
        }

        return diagnostics.Count > 0
            ? (null, diagnostics)
            : (new CompiledPolicy(policy, rules, environment.StatefulSites), diagnostics);
    }

    private static Diagnostic ToDiagnostic(ExpressionDiagnostic diagnostic, PolicyRule rule, string[]? lines)
    {
        var (line, column) = Locate(rule.When, rule.WhenSpan, diagnostic.Offset, lines);
        var message = $"rule '{rule.Id}': {diagnostic.Message}";
        return new Diagnostic(diagnostic.Code, message, new DiagnosticLocation(rule.WhenSpan.File, line, column), diagnostic.Hint);
    }

    /// <summary>Maps an offset in the expression to a file line and column.</summary>
    /// <remarks>
    /// NOTE: columns are exact for plain and single-line quoted scalars and for literal blocks (<c>|</c>). They can be
    /// off after escape sequences in double-quoted scalars and in folded or multi-line flow scalars, where YAML
    /// changes the text.
    /// </remarks>
    internal static (int Line, int Column) Locate(string text, SourceSpan span, int offset, string[]? lines)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var lineIndex = text.AsSpan(0, offset).Count('\n');
        var lineStart = text.LastIndexOf('\n', Math.Max(offset - 1, 0)) is var n && n >= 0 && offset > 0 ? n + 1 : 0;
        var inLine = offset - lineStart;
        if (!span.IsBlock)
        {
            return lineIndex == 0 ? (span.Line, span.Column + offset) : (span.Line + lineIndex, inLine + 1);
        }

        var fileLine = span.Line + 1 + lineIndex;
        var indent = lines is not null && span.Line < lines.Length
            ? lines[span.Line].Length - lines[span.Line].TrimStart(' ').Length
            : 0;
        return (fileLine, indent + inLine + 1);
    }
}
