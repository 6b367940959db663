namespace PolicyLoop.Analysis.Templates;

/// <summary>
/// Online log-template miner for free-text messages. Each message is tokenised once and counted under
/// its key (words verbatim, words with digits masked); <see cref="Snapshot"/> merges the keys into
/// templates whenever they are needed. One configuration serves every kind of log: there are no
/// per-source patterns or thresholds. Not thread-safe.
/// </summary>
public sealed class TemplateMiner
{
    /// <summary>The marker a masked piece takes in a key.</summary>
    internal const char MaskMarker = '\uE000';

    private readonly Dictionary<string, MessageGroup> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MessageGroup>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<MessageGroup> _byId = [];
    private readonly List<MessageToken> _tokens = [];
    private readonly int _maxGroups;
    private char[] _key = new char[256];

    /// <param name="maxGroups">Bound on distinct keys kept; later messages with new keys count as
    /// <see cref="Overflow"/>.</param>
    public TemplateMiner(int maxGroups = 200_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxGroups, 1);
        _maxGroups = maxGroups;
        _lookup = _groups.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The group id returned for a message once <c>maxGroups</c> keys are held.</summary>
    public const int Overflow = -1;

    /// <summary>Messages counted so far.</summary>
    public long MessageCount { get; private set; }

    /// <summary>Messages counted as <see cref="Overflow"/>.</summary>
    public long OverflowCount { get; private set; }

    /// <summary>Counts one message and returns the id of its group (see <see cref="TemplateSet.IndexOfGroup"/>).</summary>
    public int Add(ReadOnlySpan<char> message)
    {
        MessageCount++;
        message = message.Trim();
        MessageTokenizer.Tokenize(message, _tokens);
        var key = BuildKey(message);
        if (_lookup.TryGetValue(key, out var group))
        {
            group.Observe(message, _tokens);
            return group.Id;
        }

        if (_byId.Count >= _maxGroups)
        {
            OverflowCount++;
            return Overflow;
        }

        group = new MessageGroup(_byId.Count, key.ToString(), message, _tokens);
        _groups.Add(group.Key, group);
        _byId.Add(group);
        return group.Id;
    }

    /// <summary>Merges the groups counted so far into templates.</summary>
    public TemplateSet Snapshot() => TemplateMerger.Merge(_byId);

    private ReadOnlySpan<char> BuildKey(ReadOnlySpan<char> message)
    {
        var length = 0;
        foreach (var token in _tokens)
        {
            var piece = token.Kind switch
            {
                TokenKind.Space => " ",
                TokenKind.Variable or TokenKind.MaybeVariable => MaskMarkerText,
                _ => message.Slice(token.Start, token.Length),
            };
            if (length + piece.Length > _key.Length)
            {
                Array.Resize(ref _key, Math.Max(_key.Length * 2, length + piece.Length));
            }

            piece.CopyTo(_key.AsSpan(length));
            length += piece.Length;
        }

        return _key.AsSpan(0, length);
    }

    private static ReadOnlySpan<char> MaskMarkerText => [MaskMarker];
}
