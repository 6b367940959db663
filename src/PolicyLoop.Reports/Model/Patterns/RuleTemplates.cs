namespace PolicyLoop.Reports.Model.Patterns;

/// <summary>
/// The message templates of one rule's rejects: how many templates their free text (reason, content or raw line)
/// falls into, and the most frequent ones.
/// </summary>
public sealed record RuleTemplates(string RuleId, long Rejects, int TemplateCount, IReadOnlyList<TemplateRow> Top);

/// <summary>One template: its id within the rule, its text with variables as <c>&lt;*&gt;</c>, and its rejects.</summary>
public sealed record TemplateRow(string TemplateId, string Template, long Rejects, double Share);
