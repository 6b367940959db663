using System.Buffers;

namespace PolicyLoop.Analysis.Templates;

/// <summary>
/// Splits a free-text message into words, single punctuation delimiters and whitespace runs, and
/// classifies each word by its characters. Hand-written and linear in the message length.
/// </summary>
public static class MessageTokenizer
{
    // Characters that end a word. '.', '-', '_', '/' and '+' stay inside words, so an address,
    // a dotted name, a path or a signed number stays one word.
    private static readonly SearchValues<char> Delimiters = SearchValues.Create(",;:=()[]{}\"'|<>");

    private static readonly SearchValues<char> HexAndSeparators =
        SearchValues.Create("0123456789abcdefABCDEF-.");

    /// <summary>Replaces the content of <paramref name="tokens"/> with the pieces of <paramref name="text"/>.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, List<MessageToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        tokens.Clear();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (char.IsWhiteSpace(text[i]))
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                tokens.Add(new MessageToken(TokenKind.Space, start, i - start));
            }
            else if (Delimiters.Contains(text[i]))
            {
                tokens.Add(new MessageToken(TokenKind.Delimiter, start, 1));
                i++;
            }
            else
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && !Delimiters.Contains(text[i]))
                {
                    i++;
                }

                tokens.Add(new MessageToken(Classify(text[start..i]), start, i - start));
            }
        }
    }

    /// <summary>Classifies one word (a piece without whitespace or delimiters).</summary>
    public static TokenKind Classify(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return TokenKind.Word;
        }

        if (word[0] == '/' && word.Length > 1)
        {
            return TokenKind.Variable;
        }

        if (word.IndexOfAnyInRange('0', '9') < 0)
        {
            return TokenKind.Word;
        }

        var first = word[0];
        var signed = first is '-' or '+' or '#' or '.' or '~' or '$';
        if (char.IsAsciiDigit(first) || (signed && word.Length > 1 && char.IsAsciiDigit(word[1])))
        {
            return TokenKind.Variable;
        }

        // A long run of hexadecimal digits (with dashes or dots) is an id or a hash.
        return word.Length >= 8 && !word.ContainsAnyExcept(HexAndSeparators)
            ? TokenKind.Variable
            : TokenKind.MaybeVariable;
    }
}
