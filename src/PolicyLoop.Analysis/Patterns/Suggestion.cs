using PolicyLoop.Reports.Model.Patterns;
using PolicyLoop.Reports.Model.Replay;

namespace PolicyLoop.Analysis.Patterns;

/// <summary>A checked suggestion: its summary, the full text of the patched policy, and the replay behind the numbers.</summary>
public sealed record Suggestion(SuggestionSummary Summary, string PolicyText, ReplayReport Replay);
