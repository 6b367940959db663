using System.CommandLine;
using PolicyLoop.Storage;

namespace PolicyLoop.Cli;

/// <summary>Runs the command line and turns failures at the boundary into messages and exit codes.</summary>
internal static class CommandRunner
{
    public static async Task<int> InvokeAsync(RootCommand root, string[] args)
    {
        var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors)
                {
                    await Console.Error.WriteLineAsync($"error: {Plain(error.Message)}");
                }

                var names = new List<string>();
                for (var result = parsed.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
                {
                    names.Insert(0, result.Command.Name);
                }

                var path = names.Count == 0 ? "" : " " + string.Join(' ', names);
                await Console.Error.WriteLineAsync($"Run 'policyloop{path} --help' for usage.");
                return ExitCodes.UsageOrInput;
            }

            return await parsed.InvokeAsync(configuration);
        }
        catch (StoreException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.StoreError;
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.UsageOrInput;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cancelled; every batch committed before the cancel is kept");
            return ExitCodes.InternalError;
        }
#pragma warning disable CA1031 // The host's last line of defence turns any failure into a message and an exit code.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync($"internal error: {ex}");
            await Console.Error.WriteLineAsync("This is a bug in PolicyLoop; please report it with the command you ran.");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>
    /// Replaces the parser's .NET type names with what the user should type: "as expected type 'System.UInt64'"
    /// becomes "as a whole number of 0 or more".
    /// </summary>
    internal static string Plain(string message)
    {
        (string Type, string Wanted)[] types =
        [
            ("'System.UInt64'", "a whole number of 0 or more, such as 7"),
            ("'System.UInt32'", "a whole number of 0 or more, such as 7"),
            ("'System.Int32'", "a whole number, such as 5"),
            ("'System.Int64'", "a whole number, such as 5"),
            ("'System.Double'", "a number, such as 0.05"),
            ("'System.Boolean'", "true or false"),
        ];
        foreach (var (type, wanted) in types)
        {
            message = message.Replace($"as expected type {type}", $"as {wanted}", StringComparison.Ordinal);
        }

        return message;
    }
}
