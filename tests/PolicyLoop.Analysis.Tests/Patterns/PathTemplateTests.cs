using PolicyLoop.Analysis.Patterns;

namespace PolicyLoop.Analysis.Tests.Patterns;

public sealed class PathTemplateTests
{
    [Theory]
    [InlineData("/orders/8812/items/3", "/orders/<num>/items/<num>")]
    [InlineData("/orders/8812/items/3?page=2", "/orders/<num>/items/<num>")]
    [InlineData("/users/3f2c9a1b7e/profile", "/users/<hex>/profile")]
    [InlineData("/docs/123e4567-e89b-12d3-a456-426614174000.pdf", "/docs/<uuid>.pdf")]
    [InlineData("/logs/2015-05-17.log", "/logs/<date>.log")]
    [InlineData("/archive/20150517/", "/archive/<date>/")]
    [InlineData("/s/aZ8kQ2pL0xW7nV5mB3", "/s/<id>")]
    [InlineData("/images/photo.png", "/images/photo.png")]
    [InlineData("/", "/")]
    [InlineData("/page2", "/page2")]
    public void Of_Path_ReplacesVariableSegments(string path, string expected)
    {
        PathTemplate.Of(path).ShouldBe(expected);
    }

    [Fact]
    public void Of_ManySegments_CapsTheTemplate()
    {
        var path = string.Concat(Enumerable.Repeat("/a", 40));

        var template = PathTemplate.Of(path)!;

        template.ShouldEndWith("<...>");
        template.Split('/').Length.ShouldBe(PathTemplate.MaxSegments + 1);
    }

    [Fact]
    public void Of_Missing_ReturnsNull()
    {
        PathTemplate.Of(null).ShouldBeNull();
        PathTemplate.Of("").ShouldBeNull();
    }
}
