using System.Globalization;
using PolicyLoop.Core.Baselines;

namespace PolicyLoop.Analysis.Anomalies;

/// <summary>Silence and new firing: whether a scope's rejects stopped or started.</summary>
public sealed partial class RateDetector
{
    private DateTime? _firstBucket;
    private DateTime? _lastReject;
    private long _quietVolume;
    private int _quietBuckets;
    private double _steadyRate;
    private bool _silenceRaised;

    private void CheckSilence(RatePoint point, Expectation expected, List<Anomaly> alerts)
    {
        if (point.Rejects > 0)
        {
            _quietVolume = 0;
            _quietBuckets = 0;
            _silenceRaised = false;
            return;
        }

        if (_quietBuckets == 0)
        {
            // A quiet run starts: remember the rate it breaks, which is steady only when the rule
            // fired in most comparable buckets (so their median rate is above zero).
            _steadyRate = expected.Support >= _options.MinSupport ? expected.Median : 0;
        }

        _quietVolume += point.Total;
        _quietBuckets++;
        if (_silenceRaised || _steadyRate <= 0 || _quietBuckets < _options.SilenceMinBuckets)
        {
            return;
        }

        var probability = BinomialTest.ProbabilityOfNone(_quietVolume, _steadyRate);
        if (probability < _options.SilenceProbability)
        {
            _silenceRaised = true;
            var reason = string.Create(
                CultureInfo.InvariantCulture,
                $"no rejects in {_quietVolume} events over {_quietBuckets} buckets, where the steady rate {_steadyRate:P2} makes that probability {Probability.Format(probability)}");
            Raise(alerts, point, expected, AnomalyKind.Silence, "silence", reason);
        }
    }

    private void CheckNewFiring(RatePoint point, List<Anomaly> alerts)
    {
        _firstBucket ??= point.BucketStart;
        var quietSince = _lastReject ?? _firstBucket.Value;
        var quietFor = point.BucketStart - quietSince;
        if (point.Rejects >= _options.NewFiringMinRejects && quietFor >= _options.NewFiringQuietPeriod)
        {
            var reason = string.Create(
                CultureInfo.InvariantCulture,
                $"{point.Rejects} rejects after {quietFor.TotalHours:F0} hours without any");
            Raise(alerts, point, Expectation.None, AnomalyKind.NewFiring, "new_firing", reason);
        }

        if (point.Rejects > 0)
        {
            _lastReject = point.BucketStart;
        }
    }
}
