using System.Text.Json;
using PolicyLoop.Reports.Model;

namespace PolicyLoop.Reports;

/// <summary>Writes and reads a forensic report as JSON with snake_case property names.</summary>
public static class ReportJson
{
    public static string Serialize(ForensicReport report) =>
        JsonSerializer.Serialize(report, ReportJsonContext.Default.ForensicReport);

    public static ForensicReport? Deserialize(string json) =>
        JsonSerializer.Deserialize(json, ReportJsonContext.Default.ForensicReport);
}
