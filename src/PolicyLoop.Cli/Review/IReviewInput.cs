namespace PolicyLoop.Cli.Review;

/// <summary>Where review answers come from: single keys on a terminal, or lines of text.</summary>
internal interface IReviewInput
{
    /// <summary>Returns the next answer; quit when the input ends.</summary>
    ReviewAnswer Next();
}
