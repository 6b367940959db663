namespace PolicyLoop.Cli.Review;

/// <summary>The source of review choices: single keys on a terminal, or lines of text.</summary>
internal interface IReviewInput
{
    /// <summary>Reads the next choice, which is quit when the input ends.</summary>
    ReviewChoice Next();
}
