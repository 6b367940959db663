namespace PolicyLoop.Core.Review;

/// <summary>The snake_case names of <see cref="ReviewLabel"/> used in the store, files and output.</summary>
public static class ReviewLabels
{
    /// <summary>Every label name, in the order of the enum.</summary>
    public static IReadOnlyList<string> Names { get; } = ["false_positive", "true_positive", "benign", "unsure"];

    public static string ToName(this ReviewLabel label) => Names[(int)label];

    /// <summary>Parses a label name, ignoring case; also accepts the single-letter keys f, t, b and u.</summary>
    public static bool TryParse(string? text, out ReviewLabel label)
    {
        var trimmed = text?.Trim() ?? "";
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(trimmed, Names[i], StringComparison.OrdinalIgnoreCase)
                || (trimmed.Length == 1 && char.ToLowerInvariant(trimmed[0]) == Names[i][0]))
            {
                label = (ReviewLabel)i;
                return true;
            }
        }

        label = default;
        return false;
    }

    /// <summary>True for the labels that mark the reject as correct: true positive and benign.</summary>
    public static bool IsCorrectReject(this ReviewLabel label) => label is ReviewLabel.TruePositive or ReviewLabel.Benign;
}
