using System.Diagnostics;

namespace PolicyLoop.Ingest.Tests;

public sealed class InputResolverTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policyloop-inputs-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Touch(string relative, string content = "x\n")
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static IReadOnlyList<InputSpec> Resolve(string path, out IReadOnlyList<string> problems) =>
        InputResolver.Resolve([path], () => Stream.Null, out problems);

    [Fact]
    public void Resolve_Directory_ListsFilesInOrdinalOrderAsDiscovered()
    {
        Touch("b.log");
        Touch("a/c.log");

        var inputs = Resolve(_folder, out var problems);

        problems.ShouldBeEmpty();
        inputs.Select(input => Path.GetRelativePath(_folder, input.Name)).ShouldBe(["a/c.log", "b.log"]);
        inputs.ShouldAllBe(input => input.Discovered);
    }

    [Fact]
    public void Resolve_SymlinkCycle_ReadsEachFileOnce()
    {
        Touch("x/a.log");
        Directory.CreateSymbolicLink(Path.Combine(_folder, "x", "up"), _folder);

        var inputs = Resolve(_folder, out var problems);

        problems.ShouldBeEmpty();
        inputs.ShouldHaveSingleItem().Name.ShouldEndWith("a.log");
    }

    [Fact]
    public void Resolve_FifoAndEmptyFileInDirectory_AreSkipped()
    {
        Touch("a.log");
        Touch("empty.log", "");
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(_folder, "pipe"))!)
        {
            mkfifo.WaitForExit();
            mkfifo.ExitCode.ShouldBe(0);
        }

        var inputs = Resolve(_folder, out _);

        inputs.ShouldHaveSingleItem().Name.ShouldEndWith("a.log");
    }

    [Fact]
    public void Resolve_NamedFile_IsNotDiscovered()
    {
        var path = Touch("a.log");

        Resolve(path, out _).ShouldHaveSingleItem().Discovered.ShouldBeFalse();
    }

    [Theory]
    [InlineData("missing.log", "no file matches missing.log")]
    [InlineData("--bogus", "unknown option --bogus")]
    public void Resolve_UnmatchedPath_ReportsProblem(string path, string message)
    {
        Resolve(path, out var problems).ShouldBeEmpty();

        problems.ShouldHaveSingleItem().ShouldStartWith(message);
    }
}
