using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PolicyLoop.Analysis.Templates;
using PolicyLoop.Core;
using PolicyLoop.Reports;
using PolicyLoop.Storage;
using Spectre.Console;

namespace PolicyLoop.Cli.Commands;

/// <summary>
/// <c>policyloop templates</c>: mines the message templates of each rule's rejects, stores them and
/// reports how concentrated each rule's rejects are.
/// </summary>
internal static class TemplatesCommand
{
    public static Command Create()
    {
        var store = StoreOption.Create();
        var rule = new Option<string?>("--rule") { Description = "Only the rejects of this rule." };
        var top = new Option<int>("--top")
        {
            Description = "Templates listed per rule (all are stored).",
            DefaultValueFactory = _ => 5,
        };
        var policy = new Option<string?>("--policy")
        {
            Description = "Attribute each reject to the rule of this policy that decides it, instead of the logged rule.",
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per template and line." };
        var command = new Command(
            "templates",
            "Group the free text of each rule's rejects (reason, content or raw line) into message templates.")
        {
            store, rule, top, policy, json,
        };
        command.SetAction(parsed => Run(
            parsed.GetValue(store)!, parsed.GetValue(rule), parsed.GetValue(top), parsed.GetValue(policy), parsed.GetValue(json)));
        return command;
    }

    private static int Run(string storePath, string? rule, int top, string? policyPath, bool json)
    {
        if (top < 1)
        {
            throw new UsageException($"invalid --top {top}; pass a number of templates of 1 or more, such as --top 5");
        }

        if (!File.Exists(storePath))
        {
            throw new UsageException($"store not found: {storePath}; run 'policyloop ingest LOG' first or pass --store");
        }

        var policy = policyPath is null ? null : Policies.PolicyFiles.LoadCompiled(policyPath);
        using var opened = DuckDbEventStore.Open(storePath);
        var miner = new RuleTemplateMiner();
        var texts = policy is null
            ? opened.ReadRejectTexts(rule)
            : Patterns.PatternReportSection.RejectTexts(opened, policy.Compiled).Where(pair => rule is null || pair.RuleId == rule);
        foreach (var (ruleId, text) in texts)
        {
            miner.Add(ruleId, text);
        }

        var templates = miner.Templates();
        opened.ReplaceRuleTemplates(rule, templates);
        if (json)
        {
            templates.ToList().ForEach(template => Console.WriteLine(ToJson(template)));
        }
        else
        {
            Write(templates, rule, top);
        }

        return ExitCodes.Success;
    }

    private static void Write(IReadOnlyList<RuleTemplate> templates, string? rule, int top)
    {
        if (templates.Count == 0)
        {
            Console.WriteLine(rule is null
                ? "no rejects with a reason, content or raw line in the store"
                : $"no rejects by rule {rule} with a reason, content or raw line in the store");
            return;
        }

        foreach (var byRule in templates.GroupBy(template => template.RuleId))
        {
            var rows = byRule.ToList();
            var total = rows.Sum(template => template.Events);
            Console.WriteLine(Printable(Finding(byRule.Key, rows, total)));
            var table = new Table().AddColumns("template", "rejects", "share", "text");
            foreach (var template in rows.Take(top))
            {
                table.AddRow(
                    template.TemplateId,
                    ReportFormat.Count(template.Events),
                    Share(template.Events, total),
                    Markup.Escape(Printable(template.Template)));
            }

            AnsiConsole.Write(table);
        }
    }

    /// <summary>The one-line finding, such as "rejects by rule 942100 fall into 6 templates; 83% are template T1".</summary>
    internal static string Finding(string ruleId, IReadOnlyList<RuleTemplate> rows, long total)
    {
        var first = rows[0];
        var count = rows.Count == 1 ? "1 template" : $"{ReportFormat.Count(rows.Count)} templates";
        return $"rejects by rule {ruleId} ({ReportFormat.Count(total)}) fall into {count}; "
            + $"{Share(first.Events, total)} are template {first.TemplateId}: {first.Template}";
    }

    /// <summary>
    /// Writes control characters of log text as <c>\u001B</c> and the like, so a logged escape
    /// sequence cannot drive the terminal.
    /// </summary>
    internal static string Printable(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var printable = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            printable.Append(char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return printable.ToString();
    }

    private static string Share(long part, long total) =>
        ((double)part / total).ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);

    private static string ToJson(RuleTemplate template)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("rule", template.RuleId);
            writer.WriteString("template_id", template.TemplateId);
            writer.WriteString("template", template.Template);
            writer.WriteNumber("rejects", template.Events);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
