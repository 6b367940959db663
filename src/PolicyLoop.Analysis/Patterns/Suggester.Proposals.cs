using PolicyLoop.Reports.Model.Patterns;

namespace PolicyLoop.Analysis.Patterns;

public static partial class Suggester
{
    public const string Exemption = "exemption";
    public const string SeparateLimit = "separate limit";

    private static Proposal? Propose(SuggestionRequest request, SegmentFinding finding, bool labelled, bool stateful)
    {
        var share = SegmentExplainer.Percent(finding.TargetShare);
        var count = finding.Target.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        var items = finding.Items;
        string kind;
        string reason;
        if (labelled)
        {
            kind = Exemption;
            reason = $"{share} of the rule's reviewed false positives ({count}) are in this segment; risk ratio "
                + $"{SegmentExplainer.Ratio(finding.RiskRatio)} against its true positives";
        }
        else if (items.FirstOrDefault(IsBenignLabel) is { } label)
        {
            kind = Exemption;
            items = [label];
            reason = $"{share} of the rule's rejects ({count}) carry the benign {label.Attribute}={label.Value}, "
                + "set from a range file";
        }
        else if (!CarriesBenignLabel(request, finding) && CrawlerFromOneNetwork(request, finding) is { } crawler)
        {
            kind = Exemption;
            items = crawler.Items;
            reason = $"{share} of the rule's rejects ({count}) are the search crawler {crawler.Agent} from "
                + $"{crawler.Network}; the user agent is self-declared, so check the network against the "
                + "crawler's published ranges, or enrich with them as a range file labelled crawler=NAME";
        }
        else if (stateful && items.All(IsClient) && finding.TargetShare >= HeavyShare)
        {
            kind = SeparateLimit;
            reason = $"{share} of the rule's rejects ({count}) come from this client; nothing marks it benign, so "
                + "raise its limit only if the client is known (a partner or a monitor)";
        }
        else
        {
            return null;
        }

        var condition = Condition(request.Table, items);
        var agent = items.FirstOrDefault(item => item.Attribute == SegmentAttributes.UserAgent)?.Value;
        var strength = 2;
        if (labelled || items.Any(IsBenignLabel))
        {
            strength = 0;
        }
        else if (kind == Exemption)
        {
            strength = 1;
        }

        return condition is null ? null : new Proposal(kind, reason, condition, agent ?? condition, strength);
    }

    private static (IReadOnlyList<SegmentItem> Items, string Agent, string Network)? CrawlerFromOneNetwork(
        SuggestionRequest request, SegmentFinding finding)
    {
        var agent = finding.Items.FirstOrDefault(item => item.Attribute == SegmentAttributes.UserAgent);
        var network = finding.Items.FirstOrDefault(IsClient);
        if (agent is null && network is not null && finding.Items.All(IsClient))
        {
            var dominant = request.Table.DominantValue(request.RuleId, finding.Items, SegmentAttributes.UserAgent);
            if (dominant is { Share: >= DominantShare } found)
            {
                agent = new SegmentItem(SegmentAttributes.UserAgent, found.Value);
                return IsSearchCrawler(agent) ? ([.. finding.Items, agent], agent.Value, network.Value) : null;
            }
        }

        if (agent is not null && network is null && finding.Items.Count == 1 && IsSearchCrawler(agent))
        {
            foreach (var attribute in new[] { SegmentAttributes.Client24, SegmentAttributes.Client16 })
            {
                var dominant = request.Table.DominantValue(request.RuleId, finding.Items, attribute);
                if (dominant is { Share: >= DominantShare } found)
                {
                    network = new SegmentItem(attribute, found.Value);
                    return ([network, agent], agent.Value, network.Value);
                }
            }
        }

        return agent is not null && network is not null && IsSearchCrawler(agent)
            ? (finding.Items, agent.Value, network.Value)
            : null;
    }

    /// <summary>True when most of the segment's rejects carry a benign label, so a label suggestion covers them.</summary>
    private static bool CarriesBenignLabel(SuggestionRequest request, SegmentFinding finding) =>
        request.Table.Attributes
            .Where(attribute => IsBenignLabel(new SegmentItem(attribute.Name, "")))
            .Any(attribute => request.Table.DominantValue(request.RuleId, finding.Items, attribute.Name)
                is { Share: >= DominantShare });

    private static bool IsSearchCrawler(SegmentItem agent) =>
        UserAgentClassifier.Classify(agent.Value).Kind == UserAgentKind.SearchCrawler;

    private static bool IsBenignLabel(SegmentItem item) =>
        item.Attribute.StartsWith("label ", StringComparison.Ordinal) && BenignLabelKeys.Contains(item.Attribute[6..]);

    private static bool IsClient(SegmentItem item) => item.Attribute is SegmentAttributes.Client
        or SegmentAttributes.Client24 or SegmentAttributes.Client16;

    /// <summary>Returns the CEL condition for all items, or null when one cannot be expressed.</summary>
    private static string? Condition(SegmentTable table, IReadOnlyList<SegmentItem> items)
    {
        var parts = new List<string>();
        foreach (var item in items)
        {
            if (table.Attribute(item.Attribute)?.Condition(item.Value) is not { } part)
            {
                return null;
            }

            parts.Add(items.Count == 1 ? part : $"({part})");
        }

        return string.Join(" && ", parts);
    }

    /// <summary>
    /// A proposed edit; <paramref name="Subject"/> is what it is about, one suggestion per subject, and
    /// <paramref name="Strength"/> orders the evidence: 0 labels, 1 a self-declared crawler, 2 a heavy client.
    /// </summary>
    private readonly record struct Proposal(string Kind, string Reason, string Condition, string Subject, int Strength);
}
