namespace PolicyLoop.Ingest.Formats;

/// <summary>The names accepted by <c>--format</c>.</summary>
public static class LogFormat
{
    public const string Auto = "auto";
    public const string Apache = "apache";
    public const string Jsonl = "jsonl";
    public const string Opa = "opa";
    public const string AwsWaf = "aws-waf";
    public const string ModSecurity = "modsecurity";
    public const string Moderation = "moderation";

    public static IReadOnlyList<string> All { get; } = [Auto, Apache, Jsonl, Opa, AwsWaf, ModSecurity, Moderation];
}
