namespace PolicyLoop.Policies.Expressions.Syntax;

internal sealed partial class Parser
{
    private Expr ParseMember() => ParseMemberSuffix(ParsePrimary());

    private Expr ParseMemberSuffix(Expr operand)
    {
        while (true)
        {
            if (Accept(TokenKind.Dot))
            {
                var name = Expect(TokenKind.Identifier, "a field or method name after '.'");
                operand = Current.Kind == TokenKind.LeftParen
                    ? ParseCall(operand, name)
                    : new SelectExpr(NextId(), operand.Start, name.End, operand, (string)name.Value!, TestOnly: false);
            }
            else if (Current.Kind == TokenKind.LeftBracket)
            {
                Advance();
                var index = ParseExpr();
                var close = Expect(TokenKind.RightBracket, "']'");
                operand = new IndexExpr(NextId(), operand.Start, close.End, operand, index);
            }
            else if (Current.Kind == TokenKind.LeftBrace && operand is IdentExpr or SelectExpr)
            {
                throw new SyntaxException("message construction is not supported", Current.Offset, 1,
                    "use a map literal such as {'key': value}");
            }
            else
            {
                return operand;
            }
        }
    }

    private Expr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Int:
                Advance();
                return IntLiteral(token);
            case TokenKind.Uint or TokenKind.Double or TokenKind.String or TokenKind.Bytes:
                Advance();
                return new LiteralExpr(NextId(), token.Offset, token.End, token.Value);
            case TokenKind.LeftParen:
                Advance();
                var inner = ParseExpr();
                Expect(TokenKind.RightParen, "')'");
                return inner;
            case TokenKind.LeftBracket:
                return ParseList();
            case TokenKind.LeftBrace:
                return ParseMap();
            case TokenKind.Dot:
                Advance();
                return ParseIdentifier(Expect(TokenKind.Identifier, "a name after the leading '.'"));
            case TokenKind.Identifier:
                return ParseIdentifier(Advance());
            default:
                throw new SyntaxException($"unexpected {Describe(token)}", token.Offset, Math.Max(token.Length, 1),
                    token.Kind == TokenKind.End ? "the expression is incomplete" : null);
        }
    }

    private LiteralExpr IntLiteral(Token token)
    {
        var magnitude = (ulong)token.Value!;
        if (magnitude > long.MaxValue)
        {
            throw new SyntaxException("integer literal out of range", token.Offset, token.Length,
                "int is 64-bit signed; add a u suffix for uint or use a double");
        }

        return new LiteralExpr(NextId(), token.Offset, token.End, (long)magnitude);
    }

    private Expr ParseIdentifier(Token token)
    {
        var name = (string)token.Value!;
        switch (name)
        {
            case "true":
                return new LiteralExpr(NextId(), token.Offset, token.End, true);
            case "false":
                return new LiteralExpr(NextId(), token.Offset, token.End, false);
            case "null":
                return new LiteralExpr(NextId(), token.Offset, token.End, null);
        }

        if (ReservedWords.Contains(name))
        {
            throw new SyntaxException($"'{name}' is a reserved word", token.Offset, token.Length);
        }

        return Current.Kind == TokenKind.LeftParen
            ? ParseCall(null, token)
            : new IdentExpr(NextId(), token.Offset, token.End, name);
    }

    private Expr ParseCall(Expr? target, Token name)
    {
        Expect(TokenKind.LeftParen, "'('");
        var args = ParseArguments(TokenKind.RightParen, "')'");
        var close = _tokens[_index - 1];
        var function = (string)name.Value!;
        var start = target?.Start ?? name.Offset;
        if (target is null && function == "has")
        {
            return ParseHas(name, args, close);
        }

        if (target is not null && TryMacro(function, out var kind))
        {
            return BuildMacro(kind, target, name, args, close);
        }

        return new CallExpr(NextId(), start, close.End, target, function, args) { NameStart = name.Offset };
    }

    private Expr ParseHas(Token name, List<Expr> args, Token close)
    {
        if (args.Count == 1 && args[0] is SelectExpr select)
        {
            return select with { Id = NextId(), TestOnly = true, Start = name.Offset, End = close.End };
        }

        if (args.Count == 1 && args[0] is IdentExpr)
        {
            return new CallExpr(NextId(), name.Offset, close.End, null, "has", args) { NameStart = name.Offset };
        }

        throw new SyntaxException("has() takes one field selection", name.Offset, close.End - name.Offset,
            "write has(attributes.user) or has(path)");
    }

    private static bool TryMacro(string function, out MacroKind kind)
    {
        (kind, var found) = function switch
        {
            "exists" => (MacroKind.Exists, true),
            "all" => (MacroKind.All, true),
            "exists_one" => (MacroKind.ExistsOne, true),
            "map" => (MacroKind.Map, true),
            "filter" => (MacroKind.Filter, true),
            _ => (MacroKind.Exists, false),
        };
        return found;
    }

    private MacroExpr BuildMacro(MacroKind kind, Expr target, Token name, List<Expr> args, Token close)
    {
        var expected = kind == MacroKind.Map ? "2 or 3" : "2";
        var countOk = args.Count == 2 || (kind == MacroKind.Map && args.Count == 3);
        if (!countOk || args[0] is not IdentExpr variable)
        {
            throw new SyntaxException($"{name.Value}() takes {expected} arguments, the first a variable name",
                name.Offset, close.End - name.Offset, $"write list.{name.Value}(x, x > 0)");
        }

        var body = args[^1];
        var filter = args.Count == 3 ? args[1] : null;
        return new MacroExpr(NextId(), target.Start, close.End, kind, target, variable.Name, body, filter);
    }

    private List<Expr> ParseArguments(TokenKind close, string closeText)
    {
        var items = new List<Expr>();
        if (Accept(close))
        {
            return items;
        }

        do
        {
            if (Current.Kind == close)
            {
                break;
            }

            items.Add(ParseExpr());
            CheckElementCount(items.Count);
        }
        while (Accept(TokenKind.Comma));

        Expect(close, closeText);
        return items;
    }

    private void CheckElementCount(int count)
    {
        if (count > ExpressionLimits.MaxLiteralElements)
        {
            throw new SyntaxException($"too many elements: more than {ExpressionLimits.MaxLiteralElements}",
                Current.Offset, 1, "move large sets of values into a named list of the policy");
        }
    }

    private Expr ParseList()
    {
        var open = Advance();
        _nesting++;
        try
        {
            var items = ParseArguments(TokenKind.RightBracket, "']'");
            return new ListExpr(NextId(), open.Offset, _tokens[_index - 1].End, items);
        }
        finally
        {
            _nesting--;
        }
    }

    private Expr ParseMap()
    {
        var open = Advance();
        var entries = new List<KeyValuePair<Expr, Expr>>();
        while (Current.Kind != TokenKind.RightBrace)
        {
            var key = ParseExpr();
            Expect(TokenKind.Colon, "':' after a map key");
            entries.Add(new(key, ParseExpr()));
            CheckElementCount(entries.Count);
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        var close = Expect(TokenKind.RightBrace, "'}'");
        return new MapExpr(NextId(), open.Offset, close.End, entries);
    }
}
