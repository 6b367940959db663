using PolicyLoop.Core;

namespace PolicyLoop.Analysis.Templates;

/// <summary>One <see cref="TemplateMiner"/> per rule, so each rule's rejects get templates of their own.</summary>
public sealed class RuleTemplateMiner
{
    private readonly SortedDictionary<string, TemplateMiner> _miners = new(StringComparer.Ordinal);

    /// <summary>Counts the free text of one reject by <paramref name="ruleId"/>.</summary>
    public void Add(string ruleId, string text)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        if (!_miners.TryGetValue(ruleId, out var miner))
        {
            _miners[ruleId] = miner = new TemplateMiner();
        }

        miner.Add(text);
    }

    /// <summary>The templates of every rule, by rule id and then most frequent first.</summary>
    public IReadOnlyList<RuleTemplate> Templates() =>
        [.. _miners.SelectMany(pair => pair.Value.Snapshot().Templates
            .Select(template => new RuleTemplate(pair.Key, template.Id, template.Text, template.Count)))];
}
