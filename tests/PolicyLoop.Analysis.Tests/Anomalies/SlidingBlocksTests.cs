using PolicyLoop.Analysis.Anomalies;

namespace PolicyLoop.Analysis.Tests.Anomalies;

public sealed class SlidingBlocksTests
{
    [Fact]
    public void CopyFeatures_FullBlocks_NewestBlockFirst()
    {
        var blocks = new SlidingBlocks(3, 2);
        foreach (var value in new double[] { 9, 1, 2, 3, 4, 5, 6 })
        {
            blocks.Add(value);
        }

        var features = new double[blocks.FeatureCount];
        blocks.CopyFeatures(features);

        blocks.IsFull.ShouldBeTrue();
        features.ShouldBe([5.5, 5, 6, 3.5, 3, 4, 1.5, 1, 2]);
    }

    [Fact]
    public void Block_BeforeFull_UsesTheValuesSoFar()
    {
        var blocks = new SlidingBlocks(2, 3);
        blocks.Add(4);
        blocks.Add(8);

        blocks.IsFull.ShouldBeFalse();
        blocks.Block(0).ShouldBe((6.0, 4.0, 8.0));
    }

    [Fact]
    public void Block_WithoutValues_Throws()
    {
        var blocks = new SlidingBlocks(2, 3);
        blocks.Add(4);

        Should.Throw<ArgumentOutOfRangeException>(() => blocks.Block(1));
    }
}
