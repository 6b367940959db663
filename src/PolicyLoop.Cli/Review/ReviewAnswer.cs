using PolicyLoop.Core.Review;

namespace PolicyLoop.Cli.Review;

/// <summary>A reviewer's answer for the shown event: a label with an optional note, skip, or quit.</summary>
internal sealed record ReviewAnswer(ReviewLabel? Label, string? Note, bool Quit)
{
    public static ReviewAnswer Skip { get; } = new(null, null, false);

    public static ReviewAnswer Stop { get; } = new(null, null, true);
}
