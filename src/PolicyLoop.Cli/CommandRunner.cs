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
                    await Console.Error.WriteLineAsync($"error: {error.Message}");
                }

                await Console.Error.WriteLineAsync("Run 'policyloop --help' for usage.");
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
}
