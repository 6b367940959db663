using System.Text.Json.Serialization;
using PolicyLoop.Reports.Model;
using PolicyLoop.Reports.Model.Patterns;
using PolicyLoop.Reports.Model.Replay;
using PolicyLoop.Reports.Model.Review;

namespace PolicyLoop.Reports;

/// <summary>Source-generated serialization of the report model.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ForensicReport))]
[JsonSerializable(typeof(ReplayReport))]
[JsonSerializable(typeof(ReviewSection))]
[JsonSerializable(typeof(PatternSection))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
