using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace PolicyLoop.Policies.Expressions.Runtime;

/// <summary>
/// Compiles and caches regular expressions with the linear-time engine (<see cref="RegexOptions.NonBacktracking"/>),
/// so matching time grows linearly with the input. Patterns that need backtracking are rejected with a hint.
/// </summary>
public static class CelRegex
{
    private const int MaxCached = 4096;
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    /// <summary>Returns the compiled pattern, or null with an error message and a hint on what to change.</summary>
    public static Regex? TryGet(string pattern, out string error, out string? hint)
    {
        error = "";
        hint = null;
        if (Cache.TryGetValue(pattern, out var cached))
        {
            return cached;
        }

        try
        {
            var regex = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            if (Cache.Count >= MaxCached)
            {
                Cache.Clear();
            }

            Cache[pattern] = regex;
            return regex;
        }
        catch (NotSupportedException ex)
        {
            error = $"the pattern needs backtracking, which the linear-time engine does not support: {ex.Message}";
            hint = HintFor(ex.Message);
            return null;
        }
        catch (ArgumentException ex)
        {
            error = $"invalid regular expression: {ex.Message}";
            return null;
        }
    }

    public static Regex GetOrThrow(string pattern) =>
        TryGet(pattern, out var error, out var hint) ?? throw new CelException(hint is null ? error : $"{error} ({hint})");

    private static string HintFor(string message)
    {
        if (message.Contains("backreference", StringComparison.OrdinalIgnoreCase))
        {
            return "remove the backreference (\\1, \\k<name>); match the repeated text explicitly instead";
        }

        if (message.Contains("look", StringComparison.OrdinalIgnoreCase))
        {
            return "remove the lookahead or lookbehind ((?=...), (?!...), (?<=...), (?<!...)); " +
                "test that part with a separate clause such as && !x.matches('...')";
        }

        if (message.Contains("atomic", StringComparison.OrdinalIgnoreCase)
            || message.Contains("possessive", StringComparison.OrdinalIgnoreCase))
        {
            return "remove the atomic group (?>...); the linear-time engine never backtracks, so it is not needed";
        }

        if (message.Contains("conditional", StringComparison.OrdinalIgnoreCase))
        {
            return "replace the conditional (?(...)...) with an alternation or two clauses joined by ||";
        }

        return "use RE2-style syntax: no backreferences, lookarounds, atomic groups or conditionals";
    }
}
