using System.CommandLine;
using PolicyLoop.Cli.Review;

namespace PolicyLoop.Cli.Commands;

/// <summary><c>policyloop review export BATCH --format csv|jsonl</c>: writes a batch with its current labels.</summary>
internal static class ReviewExportCommand
{
    public static Command Create()
    {
        var store = StoreOption.Create();
        var batch = new Argument<string>("batch") { Description = "The batch to export." };
        var format = new Option<string>("--format") { Description = "csv or jsonl.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var output = new Option<string?>("--out") { Description = "The file to write (default: standard output)." };
        var command = new Command("export", "Write a batch and its labels as CSV or JSON lines, to label in another tool. "
            + "CSV cells that a spreadsheet would run as formulas start with a single quote.")
        {
            batch, store, format, output,
        };
        command.SetAction(parsed => Run(parsed.GetValue(store)!, parsed.GetValue(batch)!, parsed.GetValue(format)!,
            parsed.GetValue(output)));
        return command;
    }

    private static int Run(string storePath, string name, string format, string? output)
    {
        if (output is not null)
        {
            OutputFile.Require("--out", output, overwrite: true);
        }

        using var store = ReviewPopulation.OpenStore(storePath, readOnly: true);
        var batch = ReviewCommand.RequireBatch(store, name);
        if (output is null)
        {
            ReviewExport.Write(store, batch.Name, format, Console.Out);
            return ExitCodes.Success;
        }

        OutputFile.Write(output, writer => ReviewExport.Write(store, batch.Name, format, writer));

        Console.Error.WriteLine($"wrote {output}");
        return ExitCodes.Success;
    }
}
