using static PolicyLoop.Bench.Ingest.TrafficVocabulary;

namespace PolicyLoop.Bench.Ingest;

/// <summary>The decision part of one generated event, drawn the way each source logs it.</summary>
internal sealed record SourceProfile(
    string Decision,
    string PolicyId,
    string PolicyVersion,
    string? RuleId,
    string[] MatchedRules,
    string? Reason,
    int Status,
    int AnomalyScore)
{
    private static readonly ZipfSampler WafRuleSampler = new(WafRules.Length, 1.3);
    private static readonly ZipfSampler OpaRuleSampler = new(OpaRules.Length, 1.2);
    private static readonly ZipfSampler ModSecurityRuleSampler = new(ModSecurityRules.Length, 1.4);

    public static SourceProfile For(string source, DecisionLogGenerator generator)
    {
        var random = generator.Random;
        var reject = random.NextDouble() < 0.12;
        return source switch
        {
            "aws-waf" => Waf(random, reject),
            "opa" => Opa(random, reject),
            "modsecurity" => ModSecurity(random, reject),
            "moderation" => Moderation(random, reject),
            _ => AccessLog(source, random),
        };
    }

    private static SourceProfile Waf(Random random, bool reject)
    {
        var rule = WafRules[WafRuleSampler.Next(random)];
        var decision = !reject ? "allow" : rule.StartsWith("RateLimit", StringComparison.Ordinal) ? "throttle"
            : random.NextDouble() < 0.15 ? "challenge" : "deny";
        var status = decision switch { "allow" => 200, "throttle" => 429, "challenge" => 202, _ => 403 };
        return new SourceProfile(decision, "edge-acl", "webacl-" + (41 + random.Next(3)),
            reject ? rule : "Default_Action", reject ? [rule, WafRules[WafRuleSampler.Next(random)]] : [],
            reject ? Reasons[random.Next(Reasons.Length)] : null, status, 0);
    }

    private static SourceProfile Opa(Random random, bool reject)
    {
        var rule = OpaRules[OpaRuleSampler.Next(random)];
        return new SourceProfile(reject ? "deny" : "allow", "authz", "bundle-2026.11." + random.Next(1, 6),
            reject ? rule : "data.authz.allow", reject ? [rule] : ["data.authz.allow"],
            reject ? Reasons[3 + random.Next(2)] : null, reject ? 403 : 200, 0);
    }

    private static SourceProfile ModSecurity(Random random, bool reject)
    {
        var first = ModSecurityRules[ModSecurityRuleSampler.Next(random)];
        var second = ModSecurityRules[ModSecurityRuleSampler.Next(random)];
        var score = reject ? 5 * random.Next(1, 5) : random.Next(0, 2) * 3;
        return new SourceProfile(reject ? "deny" : "allow", "crs", "4.8.0",
            reject ? "949110" : null, score > 0 ? [first, second] : [],
            reject ? Reasons[random.Next(Reasons.Length)] : null, reject ? 403 : 200, score);
    }

    private static SourceProfile Moderation(Random random, bool reject)
    {
        var category = ModerationCategories[random.Next(ModerationCategories.Length)];
        return new SourceProfile(reject ? "deny" : "allow", "moderation", "filter-v" + random.Next(7, 9),
            reject ? "category." + category : null, reject ? ["category." + category] : [],
            reject ? Reasons[7] : null, reject ? 400 : 200, 0);
    }

    private static SourceProfile AccessLog(string source, Random random)
    {
        var draw = random.NextDouble();
        var (status, decision) = draw switch
        {
            < 0.80 => (200, "allow"),
            < 0.86 => (404, "allow"),
            < 0.90 => (301, "allow"),
            < 0.95 => (403, "deny"),
            < 0.98 => (429, "throttle"),
            _ => (503, "error"),
        };
        return new SourceProfile(decision, source + "-edge", "2026.11.0", null, [], null, status, 0);
    }
}
