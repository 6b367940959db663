namespace PolicyLoop.Analysis.Templates;

/// <summary>What a piece of a tokenised message is, as far as the template miner is concerned.</summary>
public enum TokenKind
{
    /// <summary>A run of whitespace; kept verbatim in the template.</summary>
    Space,

    /// <summary>One punctuation character that separates words, such as <c>:</c>, <c>=</c> or <c>[</c>.</summary>
    Delimiter,

    /// <summary>A word without digits; a constant unless it varies among the messages of a template.</summary>
    Word,

    /// <summary>
    /// A word with digits that reads like a name (<c>jk2_init</c>, <c>blk_-42</c>): masked for grouping, and
    /// kept in the template only if every message of the template has the same value.
    /// </summary>
    MaybeVariable,

    /// <summary>A number, an address, a path or a hexadecimal id: always a variable.</summary>
    Variable,
}
