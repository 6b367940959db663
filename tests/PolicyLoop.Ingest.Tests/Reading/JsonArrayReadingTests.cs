using System.Text;
using PolicyLoop.Ingest.Reading;

namespace PolicyLoop.Ingest.Tests.Reading;

/// <summary>The JSON array mode of <see cref="RecordReader"/>, which splits an upload body into elements.</summary>
public sealed class JsonArrayReadingTests
{
    private static List<(string Text, long Line, long Offset, string? Problem)> ReadAll(string input,
        RecordReaderOptions? options = null)
    {
        using var reader = RecordReader.Open("body.json", new MemoryStream(Encoding.UTF8.GetBytes(input)), options);
        reader.IsJsonArray.ShouldBeTrue();
        var records = new List<(string, long, long, string?)>();
        while (reader.TryRead(out var record))
        {
            records.Add((Encoding.UTF8.GetString(record.Bytes.Span), record.Location.Line, record.Location.ByteOffset,
                record.Problem));
        }

        return records;
    }

    [Fact]
    public void TryRead_PrettyArray_YieldsElementsWithLocations()
    {
        const string Input = "[\n  {\"a\": 1},\n  {\"b\": [1, 2]}\n]\n";

        var records = ReadAll(Input);

        records.Count.ShouldBe(2);
        records[0].ShouldBe(("{\"a\": 1}", 2L, 4L, (string?)null));
        records[1].ShouldBe(("{\"b\": [1, 2]}", 3L, 16L, (string?)null));
    }

    [Fact]
    public void TryRead_BracketsInStrings_Ignored()
    {
        const string Input = """[{"s":"a],[b,\"c\"]"},{"t":"}\n{"}]""";

        var records = ReadAll(Input);

        records.Select(r => r.Text).ShouldBe(["{\"s\":\"a],[b,\\\"c\\\"]\"}", "{\"t\":\"}\\n{\"}"]);
    }

    [Fact]
    public void TryRead_SeveralArraysAndScalars_YieldsAll()
    {
        var records = ReadAll("[1, \"x\", {}]\n[]\n[{\"z\":0}]");

        records.Select(r => r.Text).ShouldBe(["1", "\"x\"", "{}", "{\"z\":0}"]);
        records[3].Line.ShouldBe(3);
    }

    [Fact]
    public void TryRead_TextAfterArray_ReadAsLines()
    {
        var records = ReadAll("[{}]\n{\"next\":1}\r\nplain\n");

        records.Select(r => r.Text).ShouldBe(["{}", "{\"next\":1}", "plain"]);
        records[1].Line.ShouldBe(2);
        records[2].Line.ShouldBe(3);
    }

    [Fact]
    public void TryRead_UnclosedArray_EndsWithProblemRecord()
    {
        var records = ReadAll("[{\"a\":1},\n{\"b\":");

        records.Count.ShouldBe(2);
        records[0].Problem.ShouldBeNull();
        records[1].Text.ShouldBe("{\"b\":");
        records[1].Problem.ShouldBe("the input ends inside a JSON array element");
        records[1].Line.ShouldBe(2);
    }

    [Fact]
    public void TryRead_MissingClosingBracket_ReportsIt()
    {
        var records = ReadAll("[{\"a\":1}\n");

        records.Count.ShouldBe(2);
        records[1].Problem.ShouldBe("the JSON array has no closing ']': the input ends after its last element");
    }

    [Fact]
    public void TryRead_ElementOverLimit_IsCutAndMarked()
    {
        var big = "\"" + new string('x', 300) + "\"";
        var options = new RecordReaderOptions { MaxRecordBytes = 100, RawCapBytes = 10 };

        var records = ReadAll($"[{big},1]", options);

        records[0].Problem.ShouldBe("record is 302 bytes, longer than the limit of 100 bytes");
        records[0].Text.Length.ShouldBe(10);
        records[1].Text.ShouldBe("1");
    }

    [Fact]
    public void Open_LeadingWhitespaceAndBom_DetectsArray()
    {
        var records = ReadAll("\uFEFF \n [ {\"a\":1} ]");

        records.ShouldHaveSingleItem().Offset.ShouldBe(8);
        records[0].Line.ShouldBe(2);
    }
}
