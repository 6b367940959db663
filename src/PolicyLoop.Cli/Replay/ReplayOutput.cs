using System.Text;
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
                Console.Write(ReplayMarkdownWriter.Render(report));
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
        try
        {
            Directory.CreateDirectory(folder);
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            File.WriteAllText(Path.Combine(folder, "index.html"), ReplayHtmlWriter.Render(report), utf8);
            File.WriteAllText(Path.Combine(folder, "replay.json"), ReportJson.Serialize(report) + "\n", utf8);
            File.WriteAllText(Path.Combine(folder, "replay.md"), ReplayMarkdownWriter.Render(report), utf8);
            Console.Error.WriteLine($"Replay report: {Path.Combine(folder, "index.html")}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write the replay report to {folder}: {ex.Message}; pass a writable folder with --out");
        }
    }
}
