using PolicyLoop.Cli.Review;

namespace PolicyLoop.Cli.Tests.Review;

public sealed class CsvCellsTests
{
    [Theory]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@x", "'@x")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("\r\n=1", "\"'\r\n=1\"")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData(" padded", "\" padded\"")]
    public void Write_HostileCell_IsNeutralisedAndQuoted(string value, string expected)
    {
        CsvCells.Write(value).ShouldBe(expected);
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("+1")]
    [InlineData("@x")]
    [InlineData("\tx")]
    [InlineData("line\nbreak, \"quoted\"")]
    [InlineData("'already quoted")]
    public void Read_WrittenRow_RestoresCells(string value)
    {
        var line = string.Join(',', CsvCells.Write("id"), CsvCells.Write(value)) + "\r\n";

        var record = CsvCells.Read(new StringReader(line)).ToList().ShouldHaveSingleItem();

        record.Error.ShouldBeNull();
        record.Cells.Select(CsvCells.Restore).ShouldBe(["id", value]);
    }

    [Fact]
    public void Read_UnclosedQuote_ReportsLine()
    {
        var records = CsvCells.Read(new StringReader("a,b\nc,\"open\nstill open")).ToList();

        records.Count.ShouldBe(2);
        records[1].Line.ShouldBe(2);
        records[1].Error.ShouldNotBeNull();
    }
}
