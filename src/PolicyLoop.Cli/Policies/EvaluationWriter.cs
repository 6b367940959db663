using System.Text.Json;
using PolicyLoop.Policies.Evaluation;

namespace PolicyLoop.Cli.Policies;

/// <summary>Prints an evaluation result with its explanation, as text or JSON.</summary>
internal static class EvaluationWriter
{
    public static void WriteText(TextWriter output, CompiledPolicy policy, EvaluationResult result)
    {
        output.WriteLine($"decision: {PolicyTestRunner.Name(result.Action)}");
        output.WriteLine($"rule: {result.DecidingRule ?? "(default)"}");
        output.WriteLine($"policy: {policy.Policy.Id} {policy.Policy.Version}");
        output.WriteLine(result.Matches.Count == 0 ? "matched: none" : "matched:");
        foreach (var match in result.Matches)
        {
            var role = "recorded";
            if (match.Decided)
            {
                role = "decided";
            }
            else if (match.Mode == Core.EnforcementMode.Shadow)
            {
                role = "shadow";
            }

            output.WriteLine($"  {match.RuleId} ({PolicyTestRunner.Name(match.Action)}, {role})");
            foreach (var clause in match.Clauses)
            {
                var regex = clause.Matched is null ? "" : $"  matched \"{clause.Matched}\" at character {clause.MatchOffset + 1} of the field";
                output.WriteLine($"    true (column {clause.Offset + 1} of the condition): {clause.Text}{regex}");
            }
        }

        foreach (var error in result.Errors)
        {
            output.WriteLine($"error in {error.RuleId}: {error.Message}");
        }
    }

    public static void WriteJson(TextWriter output, CompiledPolicy policy, EvaluationResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,

            // The output goes to a terminal or a file, never into HTML, so quotes and < > stay readable.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            writer.WriteStartObject();
            writer.WriteString("decision", PolicyTestRunner.Name(result.Action));
            writer.WriteString("rule_id", result.DecidingRule);
            writer.WriteString("policy_id", policy.Policy.Id);
            writer.WriteString("policy_version", policy.Policy.Version);
            writer.WriteStartArray("matched_rules");
            foreach (var match in result.Matches)
            {
                WriteMatch(writer, match);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("errors");
            foreach (var error in result.Errors)
            {
                writer.WriteStartObject();
                writer.WriteString("rule_id", error.RuleId);
                writer.WriteString("message", error.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteMatch(Utf8JsonWriter writer, RuleMatch match)
    {
        writer.WriteStartObject();
        writer.WriteString("rule_id", match.RuleId);
        writer.WriteString("action", PolicyTestRunner.Name(match.Action));
        writer.WriteString("mode", match.Mode == Core.EnforcementMode.Shadow ? "shadow" : "enforce");
        writer.WriteBoolean("decided", match.Decided);
        writer.WriteStartArray("clauses");
        foreach (var clause in match.Clauses)
        {
            writer.WriteStartObject();
            writer.WriteString("text", clause.Text);
            writer.WriteNumber("offset", clause.Offset);
            if (clause.Matched is not null)
            {
                writer.WriteString("matched", clause.Matched);
                writer.WriteNumber("match_offset", clause.MatchOffset ?? 0);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
