using PolicyLoop.Core.Review;

namespace PolicyLoop.Cli.Review;

/// <summary>
/// Choices read as lines, for input that is not a terminal: a label name or its first letter,
/// optionally followed by a note (<c>f Googlebot from Google's network</c>), <c>s</c> to skip,
/// <c>q</c> to quit. The end of the input quits.
/// </summary>
internal sealed class LineReviewInput(TextReader reader, TextWriter output) : IReviewInput
{
    public ReviewChoice Next()
    {
        while (true)
        {
            output.Write("label [f]alse_positive [t]rue_positive [b]enign [u]nsure, [s]kip, [q]uit, then an optional note: ");
            output.Flush();
            var line = reader.ReadLine();
            output.WriteLine();
            if (line is null)
            {
                return ReviewChoice.Stop;
            }

            var trimmed = line.Trim();
            var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
            var word = space < 0 ? trimmed : trimmed[..space];
            var note = space < 0 ? null : trimmed[(space + 1)..].Trim();
            if (word is "q" or "quit")
            {
                return ReviewChoice.Stop;
            }

            if (word is "s" or "skip")
            {
                return ReviewChoice.Skip;
            }

            if (ReviewLabels.TryParse(word, out var label))
            {
                return new ReviewChoice(label, string.IsNullOrEmpty(note) ? null : note, false);
            }

            output.WriteLine($"unknown choice \"{Reports.SafeText.ForDisplay(word, 40)}\"; type f, t, b, u, s or q");
        }
    }
}
