using DuckDB.NET.Data;
using PolicyLoop.Core;

namespace PolicyLoop.Storage;

/// <summary>The free text of rejects, and the message templates mined from it per rule.</summary>
public sealed partial class DuckDbEventStore
{
    /// <summary>The rule id under which rejects without a logged rule are counted.</summary>
    public const string NoRuleLogged = "(no rule logged)";

    /// <summary>
    /// Streams the rule and the free text of every reject, oldest first: the reason, else the content,
    /// else the raw line. Rejects with none of the three are skipped.
    /// </summary>
    /// <param name="ruleId">Only rejects by this rule; null for all.</param>
    public IEnumerable<(string RuleId, string Text)> ReadRejectTexts(string? ruleId)
    {
        using var command = Command($"""
            SELECT coalesce(rule_id, $none) AS rule, coalesce(reason, content, raw) AS text
            FROM events
            WHERE {RejectPredicate}
              AND coalesce(reason, content, raw) IS NOT NULL
              AND ($rule IS NULL OR coalesce(rule_id, $none) = $rule)
            ORDER BY time, event_id
            """);
        command.Parameters.Add(new DuckDBParameter("none", NoRuleLogged));
        command.Parameters.Add(new DuckDBParameter("rule", (object?)ruleId ?? DBNull.Value));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return (reader.GetString(0), reader.GetString(1));
        }
    }

    /// <summary>Replaces the stored templates of the given rules (all rules when <paramref name="ruleId"/> is null).</summary>
    public void ReplaceRuleTemplates(string? ruleId, IEnumerable<RuleTemplate> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        using var transaction = _connection.BeginTransaction();
        using (var delete = Command("DELETE FROM rule_templates WHERE $rule IS NULL OR rule_id = $rule"))
        {
            delete.Parameters.Add(new DuckDBParameter("rule", (object?)ruleId ?? DBNull.Value));
            delete.ExecuteNonQuery();
        }

        var now = _time.GetUtcNow().UtcDateTime;
        foreach (var template in templates)
        {
            using var insert = Command("INSERT INTO rule_templates VALUES ($rule, $id, $template, $events, $now)");
            insert.Parameters.Add(new DuckDBParameter("rule", template.RuleId));
            insert.Parameters.Add(new DuckDBParameter("id", template.TemplateId));
            insert.Parameters.Add(new DuckDBParameter("template", template.Template));
            insert.Parameters.Add(new DuckDBParameter("events", template.Events));
            insert.Parameters.Add(new DuckDBParameter("now", now));
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>Reads the stored templates, by rule and then most frequent first.</summary>
    public IReadOnlyList<RuleTemplate> ReadRuleTemplates(string? ruleId)
    {
        using var command = Command("""
            SELECT rule_id, template_id, template, events FROM rule_templates
            WHERE $rule IS NULL OR rule_id = $rule
            ORDER BY rule_id, events DESC, template_id
            """);
        command.Parameters.Add(new DuckDBParameter("rule", (object?)ruleId ?? DBNull.Value));
        using var reader = command.ExecuteReader();
        var templates = new List<RuleTemplate>();
        while (reader.Read())
        {
            templates.Add(new RuleTemplate(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3)));
        }

        return templates;
    }
}
