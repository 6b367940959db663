namespace PolicyLoop.Analysis.Templates;

/// <summary>
/// The messages that share one key: the same words and delimiters in the same order, with variables
/// and maybe-variables masked. The miner keeps one per key and merges them into templates on demand.
/// </summary>
internal sealed class MessageGroup
{
    private readonly string[] _values;
    private readonly bool[] _varies;

    public MessageGroup(int id, string key, ReadOnlySpan<char> message, List<MessageToken> tokens)
    {
        Id = id;
        Key = key;
        Kinds = new TokenKind[tokens.Count];
        _values = new string[tokens.Count];
        _varies = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            Kinds[i] = token.Kind;
            _values[i] = message.Slice(token.Start, token.Length).ToString();
            _varies[i] = token.Kind == TokenKind.Variable;
        }
    }

    public int Id { get; }

    /// <summary>The key: words and delimiters verbatim, masked words as a marker, whitespace as one space.</summary>
    public string Key { get; }

    public TokenKind[] Kinds { get; }

    public long Count { get; private set; } = 1;

    public int Length => Kinds.Length;

    /// <summary>The text of a piece in the first message of the group.</summary>
    public string ValueAt(int index) => _values[index];

    /// <summary>True when a masked piece is a variable or held different values within this group.</summary>
    public bool VariesAt(int index) => _varies[index];

    /// <summary>
    /// The template of this group alone: each whitespace run as one space (as the corrected Loghub
    /// templates write it), variables and masked words that changed as <c>&lt;*&gt;</c>.
    /// </summary>
    public string Render()
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < Kinds.Length; i++)
        {
            text.Append(Kinds[i] switch
            {
                TokenKind.Space => " ",
                TokenKind.Variable => TemplateMerger.Wildcard,
                TokenKind.MaybeVariable when _varies[i] => TemplateMerger.Wildcard,
                _ => _values[i],
            });
        }

        return text.ToString();
    }

    /// <summary>Counts one more message with this key and notes which masked pieces changed.</summary>
    public void Observe(ReadOnlySpan<char> message, List<MessageToken> tokens)
    {
        Count++;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.Variable)
            {
                _varies[i] = true;
            }
            else if (token.Kind == TokenKind.MaybeVariable && !_varies[i]
                && !message.Slice(token.Start, token.Length).SequenceEqual(_values[i]))
            {
                _varies[i] = true;
            }
        }
    }
}
