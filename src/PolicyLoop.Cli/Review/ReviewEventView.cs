using System.Globalization;
using PolicyLoop.Analysis.Review;
using PolicyLoop.Core;
using PolicyLoop.Core.Review;
using PolicyLoop.Reports;
using Spectre.Console;

namespace PolicyLoop.Cli.Review;

/// <summary>
/// Shows one sampled reject: the decision, the deciding clause with the matched text
/// highlighted, the event's fields and its context. Every value comes from a log, so each goes
/// through <see cref="SafeText.ForDisplay"/> (control and bidirectional characters made visible)
/// and then Spectre markup escaping.
/// </summary>
internal static class ReviewEventView
{
    private const int MaxValue = 300;

    public static void Write(IAnsiConsole console, SampledEvent sample, int total, DecisionEvent decisionEvent,
        AttributedReject? reject, ReviewContext context)
    {
        console.WriteLine();
        console.MarkupLine($"[bold]event {sample.Position} of {total}[/]  {Text(sample.EventId)}  "
            + $"{decisionEvent.Time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC");
        var decision = reject?.Outcome.Decision.ToName() ?? decisionEvent.Decision.ToName();
        console.MarkupLine($"decision [red]{Text(decision)}[/] by rule [bold]{Text(sample.RuleId)}[/] of policy "
            + $"{Text(sample.PolicyId ?? "(logged)")} {Text(sample.PolicyVersion ?? "")}");
        WriteClause(console, decisionEvent, reject);
        WriteFields(console, decisionEvent, reject?.Outcome.DecidingMatch?.MatchedText);
        WriteContext(console, sample.RuleId, decisionEvent, context);
    }

    private static void WriteClause(IAnsiConsole console, DecisionEvent decisionEvent, AttributedReject? reject)
    {
        var match = reject?.Outcome.DecidingMatch;
        if (match?.Clause is { } clause)
        {
            var matched = match.MatchedText is null ? "" : $"  matched [black on yellow]{Text(match.MatchedText)}[/]";
            console.MarkupLine($"clause [blue]{Text(clause)}[/]{matched}");
        }
        else if (decisionEvent.Reason is not null)
        {
            console.MarkupLine($"logged reason {Text(decisionEvent.Reason)}");
        }
    }

    private static void WriteFields(IAnsiConsole console, DecisionEvent e, string? matched)
    {
        var table = new Table().HideHeaders().AddColumns("field", "value");
        foreach (var (name, value) in Fields(e))
        {
            if (!string.IsNullOrEmpty(value))
            {
                table.AddRow(name, Highlight(value, matched));
            }
        }

        console.Write(table);
    }

    private static IEnumerable<(string Name, string? Value)> Fields(DecisionEvent e) =>
    [
        ("client_ip", e.ClientIp), ("method", e.Method), ("host", e.Host), ("path", e.Path), ("query", e.Query),
        ("status", e.Status?.ToString(CultureInfo.InvariantCulture)), ("user_agent", e.UserAgent), ("referer", e.Referer),
        ("user_id", e.UserId), ("country", e.Country), ("org", e.Org), ("content", e.Content),
        ("matched_rules", e.MatchedRules.Count == 0 ? null : string.Join(", ", e.MatchedRules)),
        ("scores", e.Scores.Count == 0 ? null
            : string.Join(", ", e.Scores.Select(s => s.Key + "=" + s.Value.ToString("0.###", CultureInfo.InvariantCulture)))),
    ];

    /// <summary>Escapes the value and highlights the first occurrence of the matched text in it.</summary>
    internal static string Highlight(string value, string? matched)
    {
        var shown = SafeText.ForDisplay(value, MaxValue);
        var display = matched is null ? "" : SafeText.ForDisplay(matched, MaxValue);
        var at = display.Length == 0 ? -1 : shown.IndexOf(display, StringComparison.Ordinal);
        if (at < 0)
        {
            return Markup.Escape(shown);
        }

        return Markup.Escape(shown[..at]) + "[black on yellow]" + Markup.Escape(display) + "[/]"
            + Markup.Escape(shown[(at + display.Length)..]);
    }

    private static void WriteContext(IAnsiConsole console, string rule, DecisionEvent e, ReviewContext context)
    {
        var (prefix, events, rejects) = context.Segment(e);
        var (sameAgent, sameNetwork) = context.SimilarRejects(rule, e);
        console.MarkupLine($"network {Text(prefix)}: {events} events, {rejects} rejects; rule {Text(rule)} rejected "
            + $"{sameAgent} events with this user agent and {sameNetwork} from this network");
        var recent = context.Recent(e);
        if (recent.Count == 0)
        {
            console.MarkupLine("no earlier events from this client");
            return;
        }

        console.MarkupLine("earlier events from this client, newest first:");
        foreach (var earlier in recent)
        {
            console.MarkupLine($"  {earlier.Time.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} "
                + $"{Text(context.DecisionOf(earlier))}: {Text(earlier.Method)} {Text(earlier.Path, 100)} {earlier.Status}");
        }
    }

    private static string Text(string? value, int max = MaxValue) => Markup.Escape(SafeText.ForDisplay(value, max));
}
