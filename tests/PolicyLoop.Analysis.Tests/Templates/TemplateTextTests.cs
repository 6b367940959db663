using PolicyLoop.Analysis.Templates;

namespace PolicyLoop.Analysis.Tests.Templates;

public sealed class TemplateTextTests
{
    [Theory]
    [InlineData("a <*> c", "a b c", true)]
    [InlineData("a <*> c", "a  c", true)]
    [InlineData("a <*> c", "a b d", false)]
    [InlineData("<*>", "", true)]
    [InlineData("<*>:<*>", "10.0.0.1:80", true)]
    [InlineData("<*>:<*>", "10.0.0.1", false)]
    [InlineData("x<*>y<*>z", "xyyzz", true)]
    [InlineData("abc", "abcd", false)]
    public void Matches_TemplateAndText_ReturnsWhetherTheTemplateCoversIt(string template, string text, bool expected) =>
        TemplateText.Matches(template, text).ShouldBe(expected);
}
