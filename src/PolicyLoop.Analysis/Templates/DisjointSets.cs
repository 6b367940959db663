namespace PolicyLoop.Analysis.Templates;

/// <summary>Union-find over the integers 0..n-1, with path halving.</summary>
internal sealed class DisjointSets(int count)
{
    private readonly int[] _parent = [.. Enumerable.Range(0, count)];

    public int Find(int item)
    {
        while (_parent[item] != item)
        {
            _parent[item] = _parent[_parent[item]];
            item = _parent[item];
        }

        return item;
    }

    public void Union(int left, int right)
    {
        var a = Find(left);
        var b = Find(right);
        if (a != b)
        {
            _parent[Math.Max(a, b)] = Math.Min(a, b);
        }
    }
}
