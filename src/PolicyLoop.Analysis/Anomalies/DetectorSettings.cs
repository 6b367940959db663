using PolicyLoop.Core.Baselines;

namespace PolicyLoop.Analysis.Anomalies;

/// <summary>
/// The rate detector settings of each scope: the defaults, then every override whose pattern
/// matches the scope, in order, so a later override wins for the settings it names.
/// </summary>
public sealed class DetectorSettings
{
    public DetectorSettings(RateDetectorOptions defaults, IReadOnlyList<ScopeOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(overrides);
        Defaults = defaults;
        Overrides = overrides;
    }

    /// <summary>The settings of a scope no override matches.</summary>
    public RateDetectorOptions Defaults { get; }

    /// <summary>The overrides, in the order they apply.</summary>
    public IReadOnlyList<ScopeOverride> Overrides { get; }

    /// <summary>Settings without overrides.</summary>
    public static DetectorSettings Uniform(RateDetectorOptions defaults) => new(defaults, []);

    /// <summary>The settings for <paramref name="scope"/>.</summary>
    public RateDetectorOptions For(ScopeKey scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var text = scope.ToString();
        var options = Defaults;
        foreach (var over in Overrides)
        {
            if (over.Pattern.Matches(text))
            {
                options = over.ApplyTo(options);
            }
        }

        return options;
    }
}
