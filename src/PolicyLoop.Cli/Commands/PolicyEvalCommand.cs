using System.CommandLine;
using PolicyLoop.Cli.Policies;
using PolicyLoop.Core;
using PolicyLoop.Policies.Evaluation;

namespace PolicyLoop.Cli.Commands;

/// <summary>
/// <c>policyloop policy eval FILE (--event JSON | --event-file FILE) [--json]</c>: evaluates one event and explains
/// the decision. Exit codes: 0 evaluated, 2 invalid policy or event.
/// </summary>
internal static class PolicyEvalCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The policy file." };
        var eventJson = new Option<string?>("--event") { Description = "The event as JSON in the event record's shape; partial events are allowed." };
        var eventFile = new Option<string?>("--event-file") { Description = "A file with the event as JSON." };
        var json = new Option<bool>("--json") { Description = "Print the decision and its explanation as JSON." };
        var command = new Command("eval",
            "Evaluate one event against a policy and explain the decision. Exit code 0: evaluated; 2: invalid policy or event.")
        {
            file, eventJson, eventFile, json,
        };
        command.SetAction(parsed => Run(parsed.GetValue(file)!, parsed.GetValue(eventJson), parsed.GetValue(eventFile), parsed.GetValue(json)));
        return command;
    }

    private static int Run(string path, string? eventJson, string? eventFile, bool json)
    {
        var decisionEvent = ReadEvent(eventJson, eventFile);
        var policy = PolicyFile.Load(path);
        if (policy.Compiled is null)
        {
            DiagnosticWriter.Write(Console.Error, policy.Diagnostics);
            return ExitCodes.UsageOrInput;
        }

        var result = new PolicyEvaluator(policy.Compiled).Evaluate(decisionEvent, explain: true);
        if (json)
        {
            EvaluationWriter.WriteJson(Console.Out, policy.Compiled, result);
        }
        else
        {
            EvaluationWriter.WriteText(Console.Out, policy.Compiled, result);
        }

        return ExitCodes.Success;
    }

    private static DecisionEvent ReadEvent(string? eventJson, string? eventFile)
    {
        if ((eventJson is null) == (eventFile is null))
        {
            throw new UsageException("pass exactly one of --event JSON or --event-file FILE");
        }

        if (eventFile is not null && !File.Exists(eventFile))
        {
            throw new UsageException($"event file not found: {eventFile}");
        }

        try
        {
            return EventJson.Parse(eventJson ?? File.ReadAllText(eventFile!));
        }
        catch (FormatException ex)
        {
            throw new UsageException($"invalid event: {ex.Message}");
        }
    }
}
