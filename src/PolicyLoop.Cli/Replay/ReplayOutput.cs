using PolicyLoop.Reports;
using PolicyLoop.Reports.Model.Replay;
using PolicyLoop.Reports.Replay;

namespace PolicyLoop.Cli.Replay;

/// <summary>Prints a replay report in the chosen format and writes the report files when asked.</summary>
internal static class ReplayOutput
{
    public static void Write(ReplayReport report, string format, string? folder)
    {
        switch (format)
        {
            case "markdown":
                Console.Write(ReplayMarkdownWriter.Render(report).TrimEnd('\n') + "\n");
                break;
            case "html":
                Console.Write(ReplayHtmlWriter.Render(report));
                break;
            case "json":
                Console.WriteLine(ReportJson.Serialize(report));
                break;
            default:
                ReplayTextWriter.Write(report);
                break;
        }

        if (folder is not null)
        {
            WriteFiles(report, folder);
        }
    }

    public static void WriteFiles(ReplayReport report, string folder)
    {
        var paths = ReportFiles.WriteAll(folder,
        [
            ("index.html", ReplayHtmlWriter.Render(report)),
            ("replay.json", ReportJson.Serialize(report) + "\n"),
            ("replay.md", ReplayMarkdownWriter.Render(report)),
        ]);
        Console.Error.WriteLine($"Replay report: {paths[0]}");
    }
}
