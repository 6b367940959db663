using PolicyLoop.Core.Review;
using Spectre.Console;

namespace PolicyLoop.Cli.Review;

/// <summary>Single-key choices on a terminal: f, t, b and u label and move on, n adds a note first, s skips and q quits.</summary>
internal sealed class KeyReviewInput(IAnsiConsole console) : IReviewInput
{
    public ReviewChoice Next()
    {
        string? note = null;
        while (true)
        {
            console.MarkupLine(note is null
                ? "[bold]f[/] false positive  [bold]t[/] true positive  [bold]b[/] benign  [bold]u[/] unsure  "
                    + "[bold]n[/] note  [bold]s[/] skip  [bold]q[/] quit"
                : $"note: {Markup.Escape(note)}; now press f, t, b or u");
            var key = console.Input.ReadKey(intercept: true);
            if (key is null)
            {
                return ReviewChoice.Stop;
            }

            var c = char.ToLowerInvariant(key.Value.KeyChar);
            switch (c)
            {
                case 'q':
                    return ReviewChoice.Stop;
                case 's':
                    return ReviewChoice.Skip;
                case 'n':
                    note = console.Prompt(new TextPrompt<string>("note:").AllowEmpty());
                    continue;
            }

            if (ReviewLabels.TryParse(c.ToString(), out var label))
            {
                return new ReviewChoice(label, string.IsNullOrWhiteSpace(note) ? null : note, false);
            }
        }
    }
}
