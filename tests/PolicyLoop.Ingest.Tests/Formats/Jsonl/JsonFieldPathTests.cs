using System.Text.Json;
using PolicyLoop.Ingest.Formats.Jsonl;

namespace PolicyLoop.Ingest.Tests.Formats.Jsonl;

public sealed class JsonFieldPathTests
{
    private const string Record = """{"a":{"b":[{"c":"x"},{"c":"y"}],"n":null},"top":1,"grid":[[1,2],[3,4]]}""";

    [Theory]
    [InlineData("top", "1")]
    [InlineData("a.b[1].c", "\"y\"")]
    [InlineData("grid[1][0]", "3")]
    public void Find_ValidPath_ReturnsValue(string path, string expected)
    {
        using var document = JsonDocument.Parse(Record);

        var value = JsonFieldPath.TryParse(path, out _, out _).ShouldNotBeNull().Find(document.RootElement);

        value.ShouldNotBeNull().GetRawText().ShouldBe(expected);
    }

    [Theory]
    [InlineData("a.n")]
    [InlineData("a.b[2].c")]
    [InlineData("top.x")]
    [InlineData("missing")]
    public void Find_MissingOrNull_ReturnsNull(string path)
    {
        using var document = JsonDocument.Parse(Record);

        JsonFieldPath.TryParse(path, out _, out _).ShouldNotBeNull().Find(document.RootElement).ShouldBeNull();
    }

    [Theory]
    [InlineData("a..b", 2)]
    [InlineData(".a", 0)]
    [InlineData("a.b[x]", 3)]
    [InlineData("a[1", 1)]
    [InlineData("a[1]b", 4)]
    public void TryParse_InvalidPath_ReportsPosition(string text, int position)
    {
        JsonFieldPath.TryParse(text, out var error, out var at).ShouldBeNull();

        error.ShouldNotBeEmpty();
        at.ShouldBe(position);
    }

    [Fact]
    public void IsTopLevel_SingleName_IsTrue()
    {
        JsonFieldPath.TryParse("ts", out _, out _).ShouldNotBeNull().IsTopLevel.ShouldBeTrue();
        JsonFieldPath.TryParse("ts[0]", out _, out _).ShouldNotBeNull().IsTopLevel.ShouldBeFalse();
    }
}
