using FsCheck;
using FsCheck.Fluent;
using PolicyLoop.Analysis.Templates;

namespace PolicyLoop.Analysis.Tests.Templates;

public sealed class TemplateMinerTests
{
    private static TemplateSet Mine(IEnumerable<string> messages, out int[] groups)
    {
        var miner = new TemplateMiner();
        groups = [.. messages.Select(message => miner.Add(message))];
        return miner.Snapshot();
    }

    private static string[] TemplatesOf(IReadOnlyList<string> messages)
    {
        var set = Mine(messages, out var groups);
        return [.. groups.Select(group => set.Templates[set.IndexOfGroup(group)].Text)];
    }

    [Fact]
    public void Snapshot_NumbersAndAddresses_AreMasked()
    {
        var templates = TemplatesOf([
            "Accepted password for alice from 10.0.0.1 port 51234 ssh2",
            "Accepted password for alice from 192.168.7.20 port 40022 ssh2",
        ]);

        templates.Distinct().ShouldBe(["Accepted password for alice from <*> port <*> ssh2"]);
    }

    [Fact]
    public void Snapshot_SameInputTwice_SameTemplates()
    {
        string[] messages = [
            "VM Started (Lifecycle Event)", "VM Stopped (Lifecycle Event)", "VM Started (Lifecycle Event)",
            "disk 3 full", "disk 4 full", "VM Stopped (Lifecycle Event)", "Took 1.5 seconds",
        ];

        var first = Mine(messages, out _).Templates;
        var second = Mine(messages, out _).Templates;

        second.ShouldBe(first);
        first[0].Id.ShouldBe("T1");
    }

    [Fact]
    public void Snapshot_RecurringWordsAtOnePlace_StayConstants()
    {
        var templates = TemplatesOf([
            "VM Started (Lifecycle Event)", "VM Stopped (Lifecycle Event)",
            "VM Started (Lifecycle Event)", "VM Stopped (Lifecycle Event)",
        ]);

        templates.Distinct().Order().ShouldBe(["VM Started (Lifecycle Event)", "VM Stopped (Lifecycle Event)"]);
    }

    [Fact]
    public void Snapshot_WordsSeenOnceAtOnePlace_BecomeAVariable()
    {
        var templates = TemplatesOf([
            "no allocation for device lo", "no allocation for device sit0", "no allocation for device eth",
        ]);

        templates.Distinct().ShouldBe(["no allocation for device <*>"]);
    }

    [Fact]
    public void Snapshot_DifferentLengths_StayApart()
    {
        var set = Mine(["user alice logged in", "user logged out", "session closed for 3 users"], out var groups);

        groups.Select(set.IndexOfGroup).Distinct().Count().ShouldBe(3);
        set.MessageCount.ShouldBe(3);
    }

    [Fact]
    public void Snapshot_OtherVariableShape_JoinsTemplate()
    {
        string[] messages = [
            "synchronized to 10.0.0.1, stratum 3", "synchronized to 10.0.0.2, stratum 2",
            "synchronized to 10.0.0.3, stratum 3", "synchronized to LOCAL(0), stratum 10",
        ];

        TemplatesOf(messages).Distinct().ShouldBe(["synchronized to <*>, stratum <*>"]);
    }

    [Fact]
    public void Add_HostileText_CountsEveryMessageWithoutFailing()
    {
        string[] messages = [
            "", "   \t ", "<*> <*> literal wildcards", "\0\u0001\uE000\uE001 control and private-use",
            new string('A', 100_000), string.Concat(Enumerable.Repeat("(([[{{", 10_000)), "ÿ🐱 é\u200B",
            "<script>alert(1)</script>", "' OR 1=1 --",
            string.Join(' ', Enumerable.Repeat("word", 50_000)),
            string.Join(' ', Enumerable.Repeat("word", 49_999).Append("other")),
            "x " + string.Join(':', Enumerable.Repeat("1", 50_000)),
            "x " + string.Join(':', Enumerable.Repeat("a", 50_000)) + ":1",
        ];

        var set = Mine(messages, out var groups);

        set.MessageCount.ShouldBe(messages.Length);
        groups.ShouldAllBe(group => set.IndexOfGroup(group) >= 0);
    }

    [Fact]
    public void Add_PastTheGroupBound_CountsOverflow()
    {
        var miner = new TemplateMiner(maxGroups: 2);

        miner.Add("a b");
        miner.Add("c d e");
        var third = miner.Add("f");

        third.ShouldBe(TemplateMiner.Overflow);
        miner.OverflowCount.ShouldBe(1);
        miner.Snapshot().IndexOfGroup(third).ShouldBe(-1);
    }

    [Fact]
    public void Snapshot_AnyMessages_EachTemplateCoversItsMessages()
    {
        var word = Gen.Elements("open", "close", "user", "root", "lo", "id=", "blk_", "x:", "(", ")", ",", "node-");
        var number = Gen.Choose(0, 300).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var token = Gen.OneOf(word, word, number, Gen.Elements(" ", "  ", "\t", "10.0.0.1", "/tmp/a"));
        var message = Gen.Choose(0, 8).SelectMany(length => token.ListOf(length))
            .Select(tokens => string.Join(" ", tokens));
        var messages = Gen.Choose(1, 40).SelectMany(count => message.ListOf(count)).Select(list => list.ToArray());

        Prop.ForAll(messages.ToArbitrary(), batch =>
        {
            var templates = TemplatesOf(batch);
            return batch.Select((text, i) => TemplateText.Matches(templates[i], Normalise(text))).All(covered => covered);
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>The message as templates write it: trimmed, each whitespace run one space.</summary>
    private static string Normalise(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
