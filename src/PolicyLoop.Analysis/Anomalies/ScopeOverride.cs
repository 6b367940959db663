namespace PolicyLoop.Analysis.Anomalies;

/// <summary>
/// Detector settings for the scopes whose text matches <paramref name="Pattern"/>; a null setting
/// keeps the value from the defaults or an earlier matching override.
/// </summary>
/// <param name="Pattern">Which scopes, such as <c>source=aws-waf policy=edge rule=*</c>.</param>
/// <param name="MinVolume">Events a bucket needs before the spike, drop and level-shift tests run.</param>
/// <param name="SpikeZ">The robust z-score beyond which a bucket is a spike or a drop.</param>
/// <param name="Cooldown">The time within which the same detector does not alert again on the scope.</param>
public sealed record ScopeOverride(ScopePattern Pattern, long? MinVolume, double? SpikeZ, TimeSpan? Cooldown)
{
    /// <summary>Applies the settings this override names to <paramref name="options"/>.</summary>
    public RateDetectorOptions ApplyTo(RateDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with
        {
            MinVolume = MinVolume ?? options.MinVolume,
            SpikeZ = SpikeZ ?? options.SpikeZ,
            Cooldown = Cooldown ?? options.Cooldown,
        };
    }
}
