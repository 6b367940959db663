namespace PolicyLoop.Policies.Expressions.Syntax;

/// <summary>The comprehension macros over lists and maps.</summary>
internal enum MacroKind
{
    Exists,
    All,
    ExistsOne,
    Map,
    Filter,
}
