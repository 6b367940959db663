namespace PolicyLoop.Analysis.Templates;

/// <summary>One template: its id (<c>T1</c> is the most frequent), its text with <c>&lt;*&gt;</c> for
/// each variable, and how many messages it covers.</summary>
public sealed record MinedTemplate(string Id, string Text, long Count);
