using System.Text;

namespace PolicyLoop.Ingest.Tests.Corpus;

/// <summary>Builders of small, valid records for the bad-input corpus.</summary>
internal static class CorpusLines
{
    public static string Opa(string decisionId, string timestamp = "2026-11-03T08:15:02.118Z", string result = "true") =>
        $$"""{"decision_id":"{{decisionId}}","timestamp":"{{timestamp}}","path":"http/authz/allow","input":{"method":"GET"},"result":{{result}},"requested_by":"192.0.2.10:4000"}""";

    public static string Waf(string requestId, string timestampField = "\"timestamp\":1793696462481,") =>
        "{" + timestampField
        + "\"webaclId\":\"arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/t/1\",\"terminatingRuleId\":\"Default_Action\","
        + "\"action\":\"ALLOW\",\"httpRequest\":{\"clientIp\":\"198.51.100.1\",\"uri\":\"/\",\"httpMethod\":\"GET\","
        + $"\"requestId\":\"{requestId}\"}}}}";

    public static string Gateway(string id, string status = "200") =>
        $$"""{"ts":"2026-11-03T11:00:01Z","req":{"id":"{{id}}","status":{{status}}},"verdict":"PASS"}""";

    public const string GatewayMapping = """
        fields:
          time: ts
          event_id: req.id
          status: req.status
        decision:
          path: verdict
          values: { PASS: allow, BLOCK: deny }
        """;

    /// <summary>Joins lines with LF and a final LF, as UTF-8.</summary>
    public static byte[] Utf8(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    /// <summary>The byte offset of line <paramref name="index"/> (0-based) when the lines are joined with <paramref name="newline"/>.</summary>
    public static long OffsetOf(string[] lines, int index, string newline = "\n", int prefixBytes = 0) =>
        prefixBytes + lines.Take(index).Sum(line => (long)Encoding.UTF8.GetByteCount(line) + newline.Length);
}
