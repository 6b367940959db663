using Microsoft.Extensions.Time.Testing;
using PolicyLoop.Core;

namespace PolicyLoop.Storage.Tests;

public sealed class DuckDbEventStoreTemplateTests : IDisposable
{
    private static readonly DateTime Noon = new(2025, 3, 11, 12, 0, 0, DateTimeKind.Utc);

    private readonly TempStore _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public void Dispose() => _temp.Dispose();

    private static DecisionEvent Event(string id, Decision decision, string? rule, string? reason, string? raw = null) => new()
    {
        EventId = id,
        Time = Noon.AddSeconds(id[^1]),
        Source = "waf",
        Decision = decision,
        RuleId = rule,
        Reason = reason,
        Raw = raw,
    };

    [Fact]
    public void ReadRejectTexts_MixedEvents_ReturnsRejectTexts()
    {
        using var store = DuckDbEventStore.Open(_temp.StorePath, _time);
        store.StoreBatch([
            Event("e1", Decision.Deny, "942100", "SQL injection in ARGS:id"),
            Event("e2", Decision.Allow, "942100", "SQL injection in ARGS:q"),
            Event("e3", Decision.Deny, null, null, "GET /admin 403"),
            Event("e4", Decision.Deny, "942100", null),
        ], []);

        var texts = store.ReadRejectTexts(null).ToList();

        texts.ShouldBe([("942100", "SQL injection in ARGS:id"), (DuckDbEventStore.NoRuleLogged, "GET /admin 403")]);
        store.ReadRejectTexts("942100").Select(text => text.Text).ShouldBe(["SQL injection in ARGS:id"]);
    }

    [Fact]
    public void ReplaceRuleTemplates_OneRule_KeepsTheOtherRules()
    {
        using var store = DuckDbEventStore.Open(_temp.StorePath, _time);
        store.ReplaceRuleTemplates(null, [
            new RuleTemplate("942100", "T1", "SQL injection in <*>", 8),
            new RuleTemplate("942100", "T2", "SQL comment in <*>", 2),
            new RuleTemplate("rate", "T1", "too many requests from <*>", 5),
        ]);

        store.ReplaceRuleTemplates("942100", [new RuleTemplate("942100", "T1", "SQL injection in '<*>'", 9)]);

        store.ReadRuleTemplates(null).ShouldBe([
            new RuleTemplate("942100", "T1", "SQL injection in '<*>'", 9),
            new RuleTemplate("rate", "T1", "too many requests from <*>", 5),
        ]);
    }
}
