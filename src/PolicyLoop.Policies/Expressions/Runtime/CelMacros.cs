using System.Collections;

namespace PolicyLoop.Policies.Expressions.Runtime;

/// <summary>
/// The comprehension macros. Like CEL, <c>exists</c> and <c>all</c> absorb errors when another element decides
/// the result, and raise the first error otherwise.
/// </summary>
public static class CelMacros
{
    public static bool Exists(object? range, Func<object?, bool> predicate)
    {
        CelException? error = null;
        foreach (var item in Items(range))
        {
            try
            {
                if (predicate(item))
                {
                    return true;
                }
            }
            catch (CelException ex)
            {
                error ??= ex;
            }
        }

        return error is null ? false : throw error;
    }

    public static bool All(object? range, Func<object?, bool> predicate)
    {
        CelException? error = null;
        foreach (var item in Items(range))
        {
            try
            {
                if (!predicate(item))
                {
                    return false;
                }
            }
            catch (CelException ex)
            {
                error ??= ex;
            }
        }

        return error is null ? true : throw error;
    }

    public static bool ExistsOne(object? range, Func<object?, bool> predicate)
    {
        var count = 0;
        foreach (var item in Items(range))
        {
            if (predicate(item))
            {
                count++;
            }
        }

        return count == 1;
    }

    public static object?[] Map(object? range, Func<object?, object?> transform, Func<object?, bool>? filter)
    {
        var result = new List<object?>();
        foreach (var item in Items(range))
        {
            if (filter is null || filter(item))
            {
                result.Add(transform(item));
            }
        }

        return [.. result];
    }

    public static object?[] Filter(object? range, Func<object?, bool> predicate) =>
        [.. Items(range).Where(predicate)];

    /// <summary>The elements of a list, or the keys of a map, as a list.</summary>
    public static IList ItemList(object? range) => range switch
    {
        IList list => list,
        ICelMap map => map.Keys.ToArray(),
        _ => throw CelErrors.NoOverload("comprehension", range),
    };

    private static IEnumerable<object?> Items(object? range) => range switch
    {
        IList list => list.Cast<object?>(),
        ICelMap map => map.Keys,
        _ => throw CelErrors.NoOverload("comprehension", range),
    };
}
