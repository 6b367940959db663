using PolicyLoop.Core.Review;

namespace PolicyLoop.Cli.Review;

/// <summary>A reviewer's choice for the shown event: a label with an optional note, skip, or quit.</summary>
internal sealed record ReviewChoice(ReviewLabel? Label, string? Note, bool Quit)
{
    public static ReviewChoice Skip { get; } = new(null, null, false);

    public static ReviewChoice Stop { get; } = new(null, null, true);
}
