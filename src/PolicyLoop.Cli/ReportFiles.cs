using System.Text;
using PolicyLoop.Reports;
using PolicyLoop.Reports.Html;
using PolicyLoop.Reports.Model;

namespace PolicyLoop.Cli;

/// <summary>Writes a forensic report's files into a folder: index.html, report.json and report.md.</summary>
internal static class ReportFiles
{
    public static IReadOnlyList<string> Write(ForensicReport report, string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            var html = Path.Combine(folder, "index.html");
            var json = Path.Combine(folder, "report.json");
            var markdown = Path.Combine(folder, "report.md");
            File.WriteAllText(html, HtmlReportWriter.Render(report), utf8);
            File.WriteAllText(json, ReportJson.Serialize(report) + "\n", utf8);
            File.WriteAllText(markdown, MarkdownReportWriter.Render(report), utf8);
            return [html, json, markdown];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write the report to {folder}: {ex.Message}; pass a writable folder with --out");
        }
    }
}
