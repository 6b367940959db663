using System.IO.Compression;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PolicyLoop.Ingest.Reading;

namespace PolicyLoop.Ingest.Tests.Reading;

public sealed class RecordReaderTests
{
    private static List<(string Text, long Line, long Offset, string? Problem)> ReadAll(
        byte[] input,
        RecordReaderOptions? options = null)
    {
        using var reader = RecordReader.Open("input.log", new MemoryStream(input), options);
        var records = new List<(string, long, long, string?)>();
        while (reader.TryRead(out var record))
        {
            records.Add((Encoding.UTF8.GetString(record.Bytes.Span), record.Location.Line,
                record.Location.ByteOffset, record.Problem));
        }

        return records;
    }

    /// <summary>The obviously correct split: every LF ends a line, CR before LF is dropped, empty lines skipped.</summary>
    private static List<(string Text, long Line, long Offset, string? Problem)> ReferenceSplit(byte[] input)
    {
        var records = new List<(string, long, long, string?)>();
        long line = 0;
        var start = 0;
        for (var i = 0; i <= input.Length; i++)
        {
            if (i < input.Length && input[i] != (byte)'\n')
            {
                continue;
            }

            if (i == input.Length && start == input.Length)
            {
                break;
            }

            line++;
            var end = i > start && input[i - 1] == (byte)'\r' ? i - 1 : i;
            if (end > start)
            {
                records.Add((Encoding.UTF8.GetString(input, start, end - start), line, start, null));
            }

            start = i + 1;
        }

        return records;
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    [Fact]
    public void TryRead_RandomInputsWithSmallBuffers_MatchesReferenceSplit()
    {
        var alphabet = Gen.Elements((byte)'a', (byte)'b', (byte)'\n', (byte)'\r', (byte)' ');
        var inputs = Gen.ArrayOf(alphabet).Select(bytes => bytes.ToArray()).ToArbitrary();
        var options = new RecordReaderOptions { PrefixBytes = 8, MaxRecordBytes = 1 << 20 };

        Prop.ForAll(inputs, input => ReadAll(input, options).SequenceEqual(ReferenceSplit(input)))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TryRead_CrLfAndBlankLines_StripsTerminatorsAndCountsBlanks()
    {
        var input = "first\r\n\r\n\nsecond\r\nthird"u8.ToArray();
        using var reader = RecordReader.Open("input.log", new MemoryStream(input));
        var texts = new List<string>();
        while (reader.TryRead(out var record))
        {
            texts.Add(Encoding.UTF8.GetString(record.Bytes.Span));
        }

        texts.ShouldBe(["first", "second", "third"]);
        reader.BlankLines.ShouldBe(2);
    }

    [Fact]
    public void TryRead_Utf8ByteOrderMark_SkipsItAndKeepsOffsets()
    {
        var records = ReadAll([0xEF, 0xBB, 0xBF, .. "one\ntwo"u8]);

        records.Select(r => r.Text).ShouldBe(["one", "two"]);
        records[0].Offset.ShouldBe(3);
        records[1].Offset.ShouldBe(7);
    }

    [Fact]
    public void TryRead_Utf16WithByteOrderMark_TranscodesToUtf8()
    {
        var input = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes("héllo\nwörld\n")).ToArray();
        using var reader = RecordReader.Open("input.log", new MemoryStream(input));
        var texts = new List<string>();
        while (reader.TryRead(out var record))
        {
            texts.Add(Encoding.UTF8.GetString(record.Bytes.Span));
        }

        texts.ShouldBe(["héllo", "wörld"]);
        reader.Transcoded.ShouldBe("utf-16");
    }

    [Fact]
    public void TryRead_RecordOverLimit_ReturnsHeadWithProblemAndContinues()
    {
        var longLine = new string('x', 10 * 1024 * 1024);
        var input = Encoding.UTF8.GetBytes("short\n" + longLine + "\nafter\n");
        var options = new RecordReaderOptions { MaxRecordBytes = 1024 * 1024, RawCapBytes = 100 };

        var records = ReadAll(input, options);

        records.Count.ShouldBe(3);
        records[1].Problem.ShouldNotBeNull().ShouldContain($"{longLine.Length} bytes");
        records[1].Text.Length.ShouldBe(100);
        records[1].Line.ShouldBe(2);
        records[1].Offset.ShouldBe(6);
        records[2].Text.ShouldBe("after");
        records[2].Line.ShouldBe(3);
        records[2].Offset.ShouldBe(6 + longLine.Length + 1);
    }

    [Fact]
    public void TryRead_Gzip_DecompressesByMagicBytes()
    {
        var records = ReadAll(Gzip("alpha\nbeta\n"u8.ToArray()));

        records.Select(r => r.Text).ShouldBe(["alpha", "beta"]);
        records[1].Offset.ShouldBe(6);
    }

    [Fact]
    public void TryRead_ConcatenatedGzipMembers_ReadsAll()
    {
        var records = ReadAll([.. Gzip("alpha\n"u8.ToArray()), .. Gzip("beta\n"u8.ToArray())]);

        records.Select(r => r.Text).ShouldBe(["alpha", "beta"]);
    }

    [Fact]
    public void TryRead_TruncatedGzip_EndsWithProblemRecord()
    {
        var text = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"line number {i} with some text\n"));
        var gzip = Gzip(Encoding.UTF8.GetBytes(text));
        var truncated = gzip[..(gzip.Length / 2)];

        var records = ReadAll(truncated);

        records.Count.ShouldBeGreaterThan(1000);
        records.Count.ShouldBeLessThan(20_000);
        records[^1].Problem.ShouldNotBeNull().ShouldContain("truncated");
        records[..^1].ShouldAllBe(r => r.Problem == null);
    }

    [Fact]
    public void TryRead_GzipWithCorruptTrailer_EndsWithProblemRecord()
    {
        var gzip = Gzip("alpha\nbeta\n"u8.ToArray());
        gzip[^8] ^= 0xFF;

        var records = ReadAll(gzip);

        records.Select(r => r.Text).ShouldBe(["alpha", "beta", ""]);
        records[^1].Problem.ShouldNotBeNull().ShouldContain("corrupt");
    }

    [Fact]
    public void Identity_SameFirstLine_GivesSameHashWhateverFollows()
    {
        using var a = RecordReader.Open("a.log", new MemoryStream("header\nmore"u8.ToArray()));
        using var b = RecordReader.Open("b.log", new MemoryStream("header\nother lines\nand more"u8.ToArray()));
        using var c = RecordReader.Open("c.log", new MemoryStream("different\nmore"u8.ToArray()));

        a.Identity.Hash.ShouldBe(b.Identity.Hash);
        a.Identity.Hash.ShouldNotBe(c.Identity.Hash);
    }
}
