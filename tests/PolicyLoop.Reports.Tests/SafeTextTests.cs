namespace PolicyLoop.Reports.Tests;

public sealed class SafeTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("tab\there", @"tab\x09here")]
    [InlineData("nul\0", @"nul\x00")]
    [InlineData("c1\u0085", @"c1\x85")]
    [InlineData("rtl\u202eevil", @"rtl\u202eevil")]
    [InlineData("émoji 🙂", "émoji 🙂")]
    public void ForDisplay_InvisibleCharacters_BecomeEscapes(string input, string expected) =>
        SafeText.ForDisplay(input).ShouldBe(expected);

    [Fact]
    public void ForDisplay_LongText_IsCutWithEllipsis()
    {
        var shown = SafeText.ForDisplay(new string('a', 500), 20);

        shown.ShouldBe(new string('a', 20) + "…");
    }

    [Fact]
    public void ForDisplay_CutInsideSurrogatePair_KeepsWholeCharacters()
    {
        var shown = SafeText.ForDisplay("ab🙂🙂🙂", 3);

        shown.ShouldBe("ab🙂…");
    }

    [Fact]
    public void Html_Quotes_AreEncoded() =>
        SafeText.Html("a\"b'c<d>&").ShouldBe("a&quot;b&#39;c&lt;d&gt;&amp;");

    [Fact]
    public void Markdown_TableBreakers_AreEscaped() =>
        SafeText.Markdown("a|b `c` [x](y)").ShouldBe(@"a\|b \`c\` \[x\](y)");
}
