using System.Text;
using PolicyLoop.Reports;
using PolicyLoop.Reports.Html;
using PolicyLoop.Reports.Model;

namespace PolicyLoop.Cli;

/// <summary>Writes report files into a folder as UTF-8 without a byte order mark.</summary>
internal static class ReportFiles
{
    /// <summary>Writes a forensic report's index.html, report.json and report.md.</summary>
    public static IReadOnlyList<string> Write(ForensicReport report, string folder) => WriteAll(folder,
    [
        ("index.html", HtmlReportWriter.Render(report)),
        ("report.json", ReportJson.Serialize(report) + "\n"),
        ("report.md", MarkdownReportWriter.Render(report)),
    ]);

    /// <summary>Writes each named file into the folder, creating it, and returns the paths in the same order.</summary>
    public static IReadOnlyList<string> WriteAll(string folder, IReadOnlyList<(string Name, string Content)> files)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            var paths = new List<string>();
            foreach (var (name, content) in files)
            {
                var path = Path.Combine(folder, name);
                File.WriteAllText(path, content, utf8);
                paths.Add(path);
            }

            return paths;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(
                $"cannot write the report to {folder}: {ex.Message.TrimEnd('.')}; pass a writable folder with --out");
        }
    }
}
