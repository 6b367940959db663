using PolicyLoop.Analysis.Templates;
using PolicyLoop.Core;

namespace PolicyLoop.Analysis.Tests.Templates;

public sealed class RuleTemplateMinerTests
{
    [Fact]
    public void Templates_TwoRules_MinesEachRuleApart()
    {
        var miner = new RuleTemplateMiner();
        miner.Add("942100", "SQL injection in ARGS:id value 17");
        miner.Add("942100", "SQL injection in ARGS:id value 18");
        miner.Add("rate", "too many requests from 192.0.2.7");
        miner.Add("942100", "SQL comment sequence detected");

        var templates = miner.Templates();

        templates.ShouldBe([
            new RuleTemplate("942100", "T1", "SQL injection in ARGS:id value <*>", 2),
            new RuleTemplate("942100", "T2", "SQL comment sequence detected", 1),
            new RuleTemplate("rate", "T1", "too many requests from <*>", 1),
        ]);
    }

    [Fact]
    public void Templates_NothingAdded_ReturnsEmpty() => new RuleTemplateMiner().Templates().ShouldBeEmpty();
}
