namespace PolicyLoop.Core;

/// <summary>
/// One message template of a rule's rejects: the template id within the rule (<c>T1</c> is the most
/// frequent), its text with <c>&lt;*&gt;</c> for each variable, and the number of rejects it covers.
/// </summary>
public sealed record RuleTemplate(string RuleId, string TemplateId, string Template, long Events);
