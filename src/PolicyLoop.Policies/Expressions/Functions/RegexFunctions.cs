using PolicyLoop.Policies.Expressions.Runtime;

namespace PolicyLoop.Policies.Expressions.Functions;

/// <summary><c>matches()</c> with a pattern known only at run time; constant patterns compile ahead of time.</summary>
internal static class RegexFunctions
{
    [CelFunction("matches", CallStyle.Both)]
    public static bool Matches(string text, string pattern) => CelRegex.GetOrThrow(pattern).IsMatch(text);
}
