using System.Linq.Expressions;

namespace PolicyLoop.Policies.Expressions.Compilation;

/// <summary>
/// One distinct <c>rate(key, window)</c> or <c>count(key, window)</c>: call sites with the same function, key text and
/// window share one sliding window. <see cref="Key"/> is the compiled key expression.
/// </summary>
public sealed record StatefulSite(int Index, string Function, string KeyText, TimeSpan Window, LambdaExpression Key)
{
    /// <summary>True for rate(), which counts every request of its key, and false for count(), which counts rejects.</summary>
    public bool IsRate => Function == "rate";
}
