using System.Text.Json;
using PolicyLoop.Reports.Model;
using PolicyLoop.Reports.Model.Patterns;
using PolicyLoop.Reports.Model.Replay;
using PolicyLoop.Reports.Model.Review;

namespace PolicyLoop.Reports;

/// <summary>Writes and reads reports as JSON with snake_case property names and enum names as strings.</summary>
public static class ReportJson
{
    public static string Serialize(ForensicReport report) =>
        JsonSerializer.Serialize(report, ReportJsonContext.Default.ForensicReport);

    public static ForensicReport? Deserialize(string json) =>
        JsonSerializer.Deserialize(json, ReportJsonContext.Default.ForensicReport);

    public static string Serialize(ReplayReport report) =>
        JsonSerializer.Serialize(report, ReportJsonContext.Default.ReplayReport);

    public static string Serialize(ReviewSection section) =>
        JsonSerializer.Serialize(section, ReportJsonContext.Default.ReviewSection);

    public static ReplayReport? DeserializeReplay(string json) =>
        JsonSerializer.Deserialize(json, ReportJsonContext.Default.ReplayReport);

    public static string Serialize(PatternSection section) =>
        JsonSerializer.Serialize(section, ReportJsonContext.Default.PatternSection);
}
