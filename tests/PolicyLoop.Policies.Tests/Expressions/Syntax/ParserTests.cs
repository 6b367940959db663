using PolicyLoop.Policies.Expressions.Syntax;

namespace PolicyLoop.Policies.Tests.Expressions.Syntax;

public sealed class ParserTests
{
    [Theory]
    [InlineData("'a\\tb'", "a\tb")]
    [InlineData("r'\\d+'", "\\d+")]
    [InlineData("'''multi\nline'''", "multi\nline")]
    [InlineData("'\\u00e9\\U0001F431'", "é🐱")]
    [InlineData("'\\x41\\101'", "AA")]
    public void Parse_StringLiteral_DecodesEscapes(string source, string expected)
    {
        Parser.Parse(source).ShouldBeOfType<LiteralExpr>().Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("0x1F", 31L)]
    [InlineData("-5", -5L)]
    public void Parse_IntLiteral_ReadsValue(string source, long expected)
    {
        Parser.Parse(source).ShouldBeOfType<LiteralExpr>().Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("a +", 3, "unexpected end of the expression")]
    [InlineData("a = b", 2, "unexpected character '='")]
    [InlineData("'abc", 0, "unterminated string literal")]
    [InlineData("9223372036854775808", 0, "integer literal out of range")]
    [InlineData("a.b{c: 1}", 3, "message construction is not supported")]
    [InlineData("x.exists(1, true)", 2, "exists() takes 2 arguments")]
    public void Parse_InvalidSource_ReportsOffset(string source, int offset, string message)
    {
        var error = Should.Throw<SyntaxException>(() => Parser.Parse(source));

        error.Offset.ShouldBe(offset);
        error.Message.ShouldStartWith(message);
    }

    [Fact]
    public void Parse_ConditionalAndLogic_KeepsPrecedence()
    {
        var tree = Parser.Parse("a || b && c ? 1 : 2").ShouldBeOfType<ConditionalExpr>();

        var or = tree.Condition.ShouldBeOfType<BinaryExpr>();
        or.Operator.ShouldBe(TokenKind.Or);
        or.Right.ShouldBeOfType<BinaryExpr>().Operator.ShouldBe(TokenKind.And);
    }

    [Fact]
    public void Parse_HasOfSelect_BecomesPresenceTest()
    {
        var select = Parser.Parse("has(attributes.user)").ShouldBeOfType<SelectExpr>();

        select.TestOnly.ShouldBeTrue();
        select.Field.ShouldBe("user");
    }
}
