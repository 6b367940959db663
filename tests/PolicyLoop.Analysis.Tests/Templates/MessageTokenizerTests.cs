using PolicyLoop.Analysis.Templates;

namespace PolicyLoop.Analysis.Tests.Templates;

public sealed class MessageTokenizerTests
{
    [Theory]
    [InlineData("Served", TokenKind.Word)]
    [InlineData("42", TokenKind.Variable)]
    [InlineData("10.250.19.102", TokenKind.Variable)]
    [InlineData("-7", TokenKind.Variable)]
    [InlineData("/var/log/app.log", TokenKind.Variable)]
    [InlineData("/etc/passwd", TokenKind.Variable)]
    [InlineData("b9000a5dfe1a", TokenKind.Variable)]
    [InlineData("jk2_init", TokenKind.MaybeVariable)]
    [InlineData("blk_-1608999687919862906", TokenKind.MaybeVariable)]
    [InlineData("deadbeef", TokenKind.Word)]
    public void Classify_Word_ReturnsKind(string word, TokenKind expected) =>
        MessageTokenizer.Classify(word).ShouldBe(expected);

    [Fact]
    public void Tokenize_AddressAndPort_SplitsAtColonAndKeepsDelimiters()
    {
        const string text = "from 10.0.0.1:8080, ok";
        var tokens = new List<MessageToken>();

        MessageTokenizer.Tokenize(text, tokens);

        tokens.Select(token => text.Substring(token.Start, token.Length))
            .ShouldBe(["from", " ", "10.0.0.1", ":", "8080", ",", " ", "ok"]);
        tokens.Select(token => token.Kind).ShouldBe([
            TokenKind.Word, TokenKind.Space, TokenKind.Variable, TokenKind.Delimiter, TokenKind.Variable,
            TokenKind.Delimiter, TokenKind.Space, TokenKind.Word,
        ]);
    }

    [Fact]
    public void Tokenize_Empty_ReturnsNoTokens()
    {
        var tokens = new List<MessageToken> { new(TokenKind.Word, 0, 1) };

        MessageTokenizer.Tokenize("", tokens);

        tokens.ShouldBeEmpty();
    }
}
