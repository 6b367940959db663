using PolicyLoop.Analysis.Anomalies;
using PolicyLoop.Core.Baselines;

namespace PolicyLoop.Analysis.Tests.Anomalies;

public sealed class RateDetectorTests
{
    private const int Week = 7 * 288;

    [Fact]
    public void Observe_SteadyWeek_RaisesNoAlert()
    {
        var points = GeneratedTraffic.Points(Week, _ => 0.05);

        var alerts = GeneratedTraffic.Run(points);

        alerts.ShouldBeEmpty(string.Join("\n", alerts));
    }

    [Fact]
    public void Observe_InjectedSpike_RaisesSpikeAtThatBucket()
    {
        var points = GeneratedTraffic.Points(Week, i => i is >= 1000 and < 1003 ? 0.25 : 0.05);

        var alerts = GeneratedTraffic.Run(points);

        var spike = alerts.ShouldHaveSingleItem();
        spike.Kind.ShouldBe(AnomalyKind.Spike);
        spike.Detector.ShouldBe("seasonal");
        spike.BucketStart.ShouldBe(points[1000].BucketStart);
        spike.Expected.ShouldBe(0.05, tolerance: 0.01);
        spike.Observed.ShouldBeGreaterThan(spike.Upper);
    }

    [Fact]
    public void Observe_InjectedDrop_RaisesDrop()
    {
        var points = GeneratedTraffic.Points(Week, i => i is >= 1500 and < 1502 ? 0.0 : 0.08);

        var alerts = GeneratedTraffic.Run(points);

        alerts.ShouldContain(a => a.Kind == AnomalyKind.Drop && a.BucketStart == points[1500].BucketStart);
        alerts.ShouldAllBe(a => a.BucketStart >= points[1500].BucketStart && a.BucketStart < points[1510].BucketStart);
    }

    [Fact]
    public void Observe_RuleGoesSilent_RaisesSilenceOnce()
    {
        var points = GeneratedTraffic.Points(Week, i => i < 1200 ? 0.02 : 0);

        var alerts = GeneratedTraffic.Run(points);

        var silence = alerts.Where(a => a.Kind == AnomalyKind.Silence).ShouldHaveSingleItem();
        silence.BucketStart.ShouldBeInRange(points[1200].BucketStart, points[1206].BucketStart);
        silence.Expected.ShouldBe(0.02, tolerance: 0.01);
    }

    [Fact]
    public void Observe_SustainedRise_RaisesLevelShift()
    {
        var points = GeneratedTraffic.Points(Week, i => i < 1000 ? 0.05 : 0.065);

        var alerts = GeneratedTraffic.Run(points);

        alerts.ShouldContain(a => a.Kind == AnomalyKind.LevelUp && a.Detector == "level_shift");
    }

    [Fact]
    public void Observe_RuleStartsFiring_RaisesNewFiring()
    {
        var points = GeneratedTraffic.Points(Week, i => i < 600 ? 0 : 0.01);

        var alerts = GeneratedTraffic.Run(points);

        var first = alerts[0];
        first.Kind.ShouldBe(AnomalyKind.NewFiring);
        first.BucketStart.ShouldBeInRange(points[600].BucketStart, points[603].BucketStart);
    }

    [Fact]
    public void Observe_FewEventsAtNight_DoesNotAlert()
    {
        // Three rejects out of four requests: a rate of 75% on a 5% baseline, but too few events to matter.
        var points = GeneratedTraffic.Points(500, _ => 0.05);
        points[400] = new RatePoint(points[400].BucketStart, 4, 3);

        GeneratedTraffic.Run(points, new RateDetectorOptions { MinVolume = 1 }).ShouldBeEmpty();
    }

    [Fact]
    public void Observe_RepeatedSpikes_DeduplicatedWithinCooldown()
    {
        var points = GeneratedTraffic.Points(1000, i => i is 500 or 510 or 530 ? 0.3 : 0.05);

        var alerts = GeneratedTraffic.Run(points);

        alerts.Select(a => a.BucketStart).ShouldBe([points[500].BucketStart, points[530].BucketStart]);
    }
}
