using System.Runtime.CompilerServices;

namespace PolicyLoop.Policies.Expressions.Syntax;

/// <summary>
/// Recursive-descent parser for the supported CEL subset. Nesting is bounded by
/// <see cref="ExpressionLimits.MaxNesting"/>, so hostile input yields an error instead of a stack overflow.
/// </summary>
internal sealed partial class Parser
{
    private static readonly HashSet<string> ReservedWords =
    [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import",
        "let", "loop", "package", "namespace", "return", "var", "void", "while",
    ];

    private readonly List<Token> _tokens;
    private readonly string _source;
    private int _index;
    private int _nesting;
    private int _nextId = 1;

    private Parser(string source, List<Token> tokens)
    {
        _source = source;
        _tokens = tokens;
    }

    /// <summary>Parses a whole expression, or throws <see cref="SyntaxException"/> at the first error.</summary>
    public static Expr Parse(string source)
    {
        if (source.Length > ExpressionLimits.MaxSourceLength)
        {
            throw new SyntaxException(
                $"expression too long: {source.Length} characters, the maximum is {ExpressionLimits.MaxSourceLength}",
                0, 0, "split the condition into several rules or move long literals into a named list");
        }

        var parser = new Parser(source, new Lexer(source).ReadAll());
        var expr = parser.ParseExpr();
        var trailing = parser.Current;
        if (trailing.Kind != TokenKind.End)
        {
            throw new SyntaxException($"unexpected {parser.Describe(trailing)} after the end of the expression",
                trailing.Offset, trailing.Length, "check for a missing operator such as && or ||");
        }

        return expr;
    }

    private Token Current => _tokens[_index];

    private Token Advance() => _tokens[_index++];

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        _index++;
        return true;
    }

    private Token Expect(TokenKind kind, string what)
    {
        if (Current.Kind != kind)
        {
            throw new SyntaxException($"expected {what} but found {Describe(Current)}", Current.Offset,
                Math.Max(Current.Length, 1));
        }

        return Advance();
    }

    private string Describe(Token token) => token.Kind == TokenKind.End
        ? "end of the expression"
        : $"'{_source.Substring(token.Offset, token.Length)}'";

    private int NextId() => _nextId++;

    private Expr ParseExpr()
    {
        _nesting++;
        if (_nesting > ExpressionLimits.MaxNesting || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new SyntaxException(
                $"expression nested too deeply: more than {ExpressionLimits.MaxNesting} levels",
                Current.Offset, Math.Max(Current.Length, 1), "flatten the expression or split it into several rules");
        }

        try
        {
            var condition = ParseOr();
            if (!Accept(TokenKind.Question))
            {
                return condition;
            }

            var then = ParseOr();
            Expect(TokenKind.Colon, "':' of the conditional");
            var otherwise = ParseExpr();
            return new ConditionalExpr(NextId(), condition.Start, otherwise.End, condition, then, otherwise);
        }
        finally
        {
            _nesting--;
        }
    }

    private Expr ParseOr() => ParseBinaryChain(TokenKind.Or, ParseAnd);

    private Expr ParseAnd() => ParseBinaryChain(TokenKind.And, ParseRelation);

    private Expr ParseBinaryChain(TokenKind op, Func<Expr> operand)
    {
        var left = operand();
        while (Accept(op))
        {
            var right = operand();
            left = new BinaryExpr(NextId(), left.Start, right.End, op, left, right);
        }

        return left;
    }

    private Expr ParseRelation()
    {
        var left = ParseAddition();
        while (Current.Kind is TokenKind.Less or TokenKind.LessOrEqual or TokenKind.Greater
               or TokenKind.GreaterOrEqual or TokenKind.Equal or TokenKind.NotEqual or TokenKind.In)
        {
            var op = Advance().Kind;
            var right = ParseAddition();
            left = new BinaryExpr(NextId(), left.Start, right.End, op, left, right);
        }

        return left;
    }

    private Expr ParseAddition()
    {
        var left = ParseMultiplication();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance().Kind;
            var right = ParseMultiplication();
            left = new BinaryExpr(NextId(), left.Start, right.End, op, left, right);
        }

        return left;
    }

    private Expr ParseMultiplication()
    {
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
        {
            var op = Advance().Kind;
            var right = ParseUnary();
            left = new BinaryExpr(NextId(), left.Start, right.End, op, left, right);
        }

        return left;
    }

    private Expr ParseUnary()
    {
        var operators = new List<Token>();
        while (Current.Kind is TokenKind.Bang or TokenKind.Minus)
        {
            operators.Add(Advance());
        }

        if (operators.Count > ExpressionLimits.MaxNesting)
        {
            throw new SyntaxException("too many repeated unary operators", operators[0].Offset, 1);
        }

        var operand = operators.Count > 0 && operators[^1].Kind == TokenKind.Minus && IsMinInt(Current)
            ? ReadMinInt(operators)
            : ParseMember();
        for (var i = operators.Count - 1; i >= 0; i--)
        {
            operand = ApplyUnary(operators[i], operand);
        }

        return operand;
    }

    private static bool IsMinInt(Token token) =>
        token.Kind == TokenKind.Int && (ulong)token.Value! == 1UL << 63;

    private Expr ReadMinInt(List<Token> operators)
    {
        var minus = operators[^1];
        operators.RemoveAt(operators.Count - 1);
        var literal = Advance();
        return ParseMemberSuffix(new LiteralExpr(NextId(), minus.Offset, literal.End, long.MinValue));
    }

    private Expr ApplyUnary(Token op, Expr operand)
    {
        if (op.Kind == TokenKind.Minus && operand is LiteralExpr { Value: long value } && value != long.MinValue
            && IsDirectLiteral(operand))
        {
            return new LiteralExpr(NextId(), op.Offset, operand.End, -value);
        }

        if (op.Kind == TokenKind.Minus && operand is LiteralExpr { Value: double d } && IsDirectLiteral(operand))
        {
            return new LiteralExpr(NextId(), op.Offset, operand.End, -d);
        }

        return new UnaryExpr(NextId(), op.Offset, operand.End, op.Kind, operand);
    }

    private bool IsDirectLiteral(Expr operand) => _source[operand.Start] != '(';
}
