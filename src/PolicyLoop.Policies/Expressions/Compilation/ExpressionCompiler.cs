using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using PolicyLoop.Policies.Evaluation;
using PolicyLoop.Policies.Expressions.Runtime;
using PolicyLoop.Policies.Expressions.Syntax;

namespace PolicyLoop.Policies.Expressions.Compilation;

/// <summary>
/// Type-checks a CEL expression and compiles it to a <c>System.Linq.Expressions</c> delegate. Checking goes on
/// after an error, so one run reports every problem. Operands with known types use typed fast paths; dyn values
/// go through the runtime helpers in <see cref="Runtime"/>.
/// </summary>
public sealed partial class ExpressionCompiler
{
    private readonly CompilerEnvironment _environment;
    private readonly string _source;
    private readonly bool _explain;
    private readonly List<ExpressionDiagnostic> _diagnostics = [];
    private readonly ParameterExpression _context = Expression.Parameter(typeof(EvaluationContext), "context");
    private readonly Dictionary<string, (ParameterExpression Parameter, CelType Type)> _scope = new(StringComparer.Ordinal);

    private ExpressionCompiler(CompilerEnvironment environment, string source, bool explain)
    {
        _environment = environment;
        _source = source;
        _explain = explain;
    }

    /// <summary>Compiles an expression whose result may be any value.</summary>
    public static CompiledExpression Compile(string source, CompilerEnvironment environment) =>
        Compile(source, environment, requireBool: false, explain: false);

    /// <summary>
    /// Compiles an expression. With <paramref name="requireBool"/>, a result that is not bool is a diagnostic.
    /// With <paramref name="explain"/>, the delegate records boolean sub-expressions and regex matches in the
    /// context's <see cref="ExplainTrace"/>.
    /// </summary>
    public static CompiledExpression Compile(string source, CompilerEnvironment environment, bool requireBool, bool explain)
    {
        Expr tree;
        try
        {
            tree = Parser.Parse(source);
        }
        catch (SyntaxException ex)
        {
            var diagnostic = new ExpressionDiagnostic("PL101", ex.Message, ex.Offset, ex.Length, ex.Hint);
            return new CompiledExpression(source, [diagnostic], null);
        }

        var compiler = new ExpressionCompiler(environment, source, explain);
        Expression body;
        try
        {
            body = compiler.CompileRoot(tree, requireBool);
        }
        catch (NestingException ex)
        {
            var diagnostic = new ExpressionDiagnostic("PL102",
                $"expression nested too deeply: more than {ExpressionLimits.MaxTreeDepth} levels",
                ex.Node.Start, Math.Max(ex.Node.Length, 1), "split the condition into several rules or use a named list");
            return new CompiledExpression(source, [diagnostic], tree);
        }

        if (compiler._diagnostics.Count > 0)
        {
            return new CompiledExpression(source, compiler._diagnostics, tree);
        }

        LambdaExpression lambda = requireBool
            ? Expression.Lambda<Func<EvaluationContext, bool>>(body, compiler._context)
            : Expression.Lambda<Func<EvaluationContext, object?>>(body, compiler._context);
        return new CompiledExpression(source, [], tree, lambda);
    }

    private Expression CompileRoot(Expr tree, bool requireBool)
    {
        var typed = CompileNode(tree, 0);
        if (requireBool && !typed.IsError && !typed.Type.Equals(CelType.Bool) && !typed.Type.IsDyn)
        {
            Report("PL110", $"a condition must be bool, but this expression is {typed.Type}", tree,
                "compare the value, for example status >= 400");
        }

        return requireBool ? AsClr(typed, typeof(bool), "condition") : Box(typed.Expression);
    }

    private Typed CompileNode(Expr node, int depth)
    {
        if (depth > ExpressionLimits.MaxTreeDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new NestingException(node);
        }

        var typed = node switch
        {
            LiteralExpr literal => CompileLiteral(literal),
            IdentExpr ident => CompileIdent(ident),
            SelectExpr select => CompileSelect(select, depth),
            IndexExpr index => CompileIndex(index, depth),
            UnaryExpr unary => CompileUnary(unary, depth),
            BinaryExpr binary => CompileBinary(binary, depth),
            ConditionalExpr conditional => CompileConditional(conditional, depth),
            CallExpr call => CompileCall(call, depth),
            ListExpr list => CompileList(list, depth),
            MapExpr map => CompileMap(map, depth),
            MacroExpr macro => CompileMacro(macro, depth),
            _ => throw new InvalidOperationException($"unknown node {node.GetType().Name}"),
        };
        return _explain && !typed.IsError && (typed.Type.Equals(CelType.Bool) || typed.Type.IsDyn)
            ? Traced(node, typed)
            : typed;
    }

    private Typed Traced(Expr node, Typed typed)
    {
        var record = typeof(CelAccess).GetMethod(nameof(CelAccess.Record))!.MakeGenericMethod(typed.Expression.Type);
        return typed with { Expression = Expression.Call(record, _context, Expression.Constant(node.Id), typed.Expression) };
    }

    private static Typed CompileLiteral(LiteralExpr literal) => literal.Value switch
    {
        null => new Typed(Expression.Constant(null, typeof(object)), CelType.Null),
        long l => new Typed(Expression.Constant(l), CelType.Int),
        ulong u => new Typed(Expression.Constant(u), CelType.Uint),
        double d => new Typed(Expression.Constant(d), CelType.Double),
        string s => new Typed(Expression.Constant(s), CelType.String),
        bool b => new Typed(Expression.Constant(b), CelType.Bool),
        byte[] bytes => new Typed(Expression.Constant(new CelBytes(bytes)), CelType.Bytes),
        _ => throw new InvalidOperationException("unknown literal"),
    };

    private static Typed Error() => new(Expression.Throw(Expression.Constant(new CelException("invalid expression")), typeof(object)),
        CelType.Dyn, IsError: true);

    private Typed Report(string code, string message, Expr node, string? hint = null) =>
        Report(code, message, node.Start, node.Length, hint);

    private Typed Report(string code, string message, int offset, int length, string? hint = null)
    {
        if (_environment.DeferTypeErrors)
        {
            var error = Expression.Constant(new CelException(message));
            return new Typed(Expression.Throw(error, typeof(object)), CelType.Dyn);
        }

        _diagnostics.Add(new ExpressionDiagnostic(code, message, offset, Math.Max(length, 1), hint));
        return Error();
    }

    private string TextOf(Expr node) => _source[node.Start..node.End];

    /// <summary>Thrown when the tree is too deep to compile; caught once at the top.</summary>
    private sealed class NestingException(Expr node) : Exception
    {
        public Expr Node { get; } = node;
    }
}
