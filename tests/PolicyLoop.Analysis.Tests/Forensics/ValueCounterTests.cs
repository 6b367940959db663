using FsCheck;
using FsCheck.Fluent;
using PolicyLoop.Analysis.Forensics;

namespace PolicyLoop.Analysis.Tests.Forensics;

public sealed class ValueCounterTests
{
    [Fact]
    public void Top_UnderCapacity_MatchesExactGroupCount()
    {
        var values = Gen.Elements("a", "b", "c", "d", "e").ListOf().ToArbitrary();

        Prop.ForAll(values, list =>
        {
            var counter = new ValueCounter();
            foreach (var value in list)
            {
                counter.Add(value);
            }

            var expected = list.GroupBy(value => value)
                .Select(group => (group.Key, (long)group.Count()))
                .OrderByDescending(pair => pair.Item2).ThenBy(pair => pair.Key, StringComparer.Ordinal)
                .Take(3);
            return counter.Top(3).SequenceEqual(expected) && !counter.Approximate;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Add_OverCapacity_KeepsHeavyHitterAndMarksApproximate()
    {
        var counter = new ValueCounter(maxDistinct: 100);
        for (var i = 0; i < 1000; i++)
        {
            counter.Add("heavy");
            counter.Add("rare" + i);
        }

        counter.Approximate.ShouldBeTrue();
        counter.Top(1)[0].ShouldBe(("heavy", 1000L));
        counter.Total.ShouldBe(2000);
    }
}
