using System.CommandLine;
using PolicyLoop.Analysis.Patterns;

namespace PolicyLoop.Cli.Patterns;

/// <summary>The mining options shared by <c>explain</c> and <c>suggest</c>.</summary>
internal sealed class ExplainOptionSet
{
    public Option<string> Store { get; } = StoreOption.Create();

    public Option<string?> Policy { get; } = new("--policy")
    {
        Description = "Evaluate this policy on the stored events; without it the logged decisions and rules are used.",
    };

    public Option<int> MaxOrder { get; } = new("--max-order")
    {
        Description = "Combine up to this many attributes in a segment (1 to 3).",
        DefaultValueFactory = _ => 3,
    };

    public Option<long?> MinSupport { get; } = new("--min-support")
    {
        Description = "The fewest rejects a segment needs; default 1% of the rule's rejects, at least 5.",
    };

    public Option<double> MinRatio { get; } = new("--min-ratio")
    {
        Description = "Leave out segments with a lower risk ratio.",
        DefaultValueFactory = _ => 1.5,
    };

    public Option<int> Top { get; } = new("--top")
    {
        Description = "Segments to show per rule.",
        DefaultValueFactory = _ => 10,
    };

    public void AddTo(Command command)
    {
        command.Add(Store);
        command.Add(Policy);
        command.Add(MaxOrder);
        command.Add(MinSupport);
        command.Add(MinRatio);
        command.Add(Top);
    }

    public SegmentMinerOptions ReadMinerOptions(ParseResult parsed)
    {
        var maxOrder = parsed.GetValue(MaxOrder);
        if (maxOrder is < 1 or > 3)
        {
            throw new UsageException($"invalid --max-order {maxOrder}: use 1, 2 or 3");
        }

        var minSupport = parsed.GetValue(MinSupport);
        if (minSupport is < 1)
        {
            throw new UsageException($"invalid --min-support {minSupport}: use a count of at least 1");
        }

        var top = parsed.GetValue(Top);
        if (top < 1)
        {
            throw new UsageException($"invalid --top {top}: use a count of at least 1");
        }

        return new SegmentMinerOptions
        {
            MaxOrder = maxOrder,
            MinSupport = minSupport,
            MinRiskRatio = parsed.GetValue(MinRatio),
            Top = top,
        };
    }
}
