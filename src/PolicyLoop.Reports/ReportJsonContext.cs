using System.Text.Json.Serialization;
using PolicyLoop.Reports.Model;

namespace PolicyLoop.Reports;

/// <summary>Source-generated serialization of the report model.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ForensicReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
