using PolicyLoop.Policies.Expressions.Compilation;
using PolicyLoop.Policies.Expressions.Runtime;

namespace PolicyLoop.Policies.Evaluation;

/// <summary>
/// The values of some of a policy's rate() and count() call sites, computed one event at a time: each site's key,
/// then its window count from a <see cref="RateState"/>. Sites with the same key expression share one key
/// computation. A key that fails to compute becomes the value of its sites, as a <see cref="CelException"/>.
/// </summary>
internal sealed class SiteValues
{
    private static readonly object[] BoxedCounts = [.. Enumerable.Range(0, 1024).Select(count => (object)(long)count)];

    private readonly CompiledPolicy _policy;
    private readonly RateState _state;

    /// <summary>The indexes of the sites computed here.</summary>
    private readonly int[] _sites;

    /// <summary>Per computed site, the earlier computed site with the same key expression, or itself.</summary>
    private readonly int[] _keySources;

    /// <summary>Per site, true for rate() and false for count().</summary>
    private readonly bool[] _isRate;

    /// <summary>Per site, the current event's key: its text, or the exception computing it raised.</summary>
    private readonly object[] _keys;

    public SiteValues(CompiledPolicy policy, RateState state, Func<StatefulSite, bool> include)
    {
        _policy = policy;
        _state = state;
        var all = policy.SiteArray;
        _sites = [.. Enumerable.Range(0, all.Length).Where(i => include(all[i]))];
        _keySources = [.. _sites.Select(i => _sites.First(j => all[j].KeyText == all[i].KeyText))];
        _keys = new object[all.Length];
        _isRate = [.. all.Select(site => site.IsRate)];
    }

    /// <summary>The number of sites computed here.</summary>
    public int Count => _sites.Length;

    /// <summary>The policy's index of the computed site at <paramref name="position"/>.</summary>
    public int SiteAt(int position) => _sites[position];

    /// <summary>
    /// Computes each site's value for the event in <paramref name="context"/> into <c>context.StatefulValues</c>:
    /// rate() sites record the event, count() sites only read their window.
    /// </summary>
    public void Compute(EvaluationContext context)
    {
        var all = _policy.SiteArray;
        var time = context.Event!.Time;
        for (var position = 0; position < _sites.Length; position++)
        {
            var site = _sites[position];
            var source = _keySources[position];
            var key = _keys[site] = source < site ? _keys[source] : Key(site, context);
            context.StatefulValues[site] = key is not string text ? key
                : Box(_isRate[site]
                    ? _state.Record(site, text, all[site].Window, time)
                    : _state.Peek(site, text, all[site].Window, time));
        }
    }

    /// <summary>Adds the current event, rejected, to the windows of the count() sites whose key it has.</summary>
    public void RecordReject(DateTime time)
    {
        var all = _policy.SiteArray;
        foreach (var site in _sites)
        {
            if (!_isRate[site] && _keys[site] is string key)
            {
                _state.Record(site, key, all[site].Window, time);
            }
        }
    }

    private object Key(int site, EvaluationContext context)
    {
        try
        {
            var key = _policy.SiteKeys[site](context);
            return key as string ?? CelFormat.Display(key);
        }
#pragma warning disable CA1031 // A failing key becomes an error of the rules that read it, never of the batch.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ex as CelException ?? new CelException($"internal error: {ex.Message}", ex);
        }
    }

    /// <summary>Boxes a window count, sharing one box per small count so most events allocate none.</summary>
    private static object Box(long count) => count < BoxedCounts.Length ? BoxedCounts[count] : count;
}
