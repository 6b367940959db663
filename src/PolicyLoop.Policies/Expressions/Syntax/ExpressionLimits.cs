namespace PolicyLoop.Policies.Expressions.Syntax;

/// <summary>Size limits that keep parsing and compiling bounded in time and stack.</summary>
internal static class ExpressionLimits
{
    /// <summary>Maximum source length in characters.</summary>
    public const int MaxSourceLength = 100_000;

    /// <summary>Maximum nesting of parentheses, calls, lists, maps and indexes while parsing.</summary>
    public const int MaxNesting = 100;

    /// <summary>Maximum depth of the syntax tree, which also bounds chains such as <c>a + b + c + ...</c>.</summary>
    public const int MaxTreeDepth = 400;

    /// <summary>Maximum number of elements in one list or map literal.</summary>
    public const int MaxLiteralElements = 10_000;
}
