using PolicyLoop.Policies.Expressions.Runtime;

namespace PolicyLoop.Policies.Expressions.Compilation;

/// <summary>What expressions of one policy can see: declared variables, named lists and stateful functions.</summary>
public sealed class CompilerEnvironment
{
    private readonly Dictionary<string, VariableDeclaration> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NamedList> _lists = new(StringComparer.Ordinal);
    private readonly List<StatefulSite> _sites = [];

    /// <summary>
    /// When true, name and type errors become evaluation errors instead of diagnostics, as in CEL with type
    /// checking disabled. Syntax errors are always diagnostics.
    /// </summary>
    public bool DeferTypeErrors { get; init; }

    /// <summary>True when <c>rate()</c> and <c>count()</c> may be used.</summary>
    public bool AllowStateful { get; init; }

    public IReadOnlyDictionary<string, VariableDeclaration> Variables => _variables;

    public IReadOnlyDictionary<string, NamedList> Lists => _lists;

    public IReadOnlyList<StatefulSite> StatefulSites => _sites;

    public CompilerEnvironment Declare(VariableDeclaration variable)
    {
        _variables[variable.Name] = variable;
        return this;
    }

    public CompilerEnvironment AddList(NamedList list)
    {
        _lists[list.Name] = list;
        return this;
    }

    internal StatefulSite GetOrAddSite(string function, string keyText, TimeSpan window, Func<int, StatefulSite> create)
    {
        var existing = _sites.Find(s => s.Function == function && s.KeyText == keyText && s.Window == window);
        if (existing is not null)
        {
            return existing;
        }

        var site = create(_sites.Count);
        _sites.Add(site);
        return site;
    }

    /// <summary>A declaration of a variable read from <see cref="Evaluation.EvaluationContext.Variables"/>.</summary>
    public static VariableDeclaration FreeVariable(string name, CelType type) => new(
        name,
        type,
        context => System.Linq.Expressions.Expression.Call(
            typeof(CompilerEnvironment).GetMethod(nameof(ReadVariable))!,
            context,
            System.Linq.Expressions.Expression.Constant(name)));

    public static object? ReadVariable(Evaluation.EvaluationContext context, string name) =>
        context.Variables is { } variables && variables.TryGetValue(name, out var value)
            ? value
            : throw new CelException($"no value for variable '{name}'");
}
