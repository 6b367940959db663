using System.CommandLine;
using PolicyLoop.Analysis.Forensics;
using PolicyLoop.Analysis.Patterns;
using PolicyLoop.Analysis.Replay;
using PolicyLoop.Cli.Patterns;
using PolicyLoop.Cli.Policies;
using PolicyLoop.Core;

namespace PolicyLoop.Cli.Commands;

/// <summary>
/// <c>policyloop suggest</c>: proposes edits to one rule from the segments that dominate its rejects, replays
/// each patched policy against the current one, and can write the chosen candidate policy.
/// </summary>
internal static class SuggestCommand
{
    private static readonly Option<bool> Force = new("--force") { Description = "Replace the --write file if it exists." };

    public static Command Create()
    {
        var options = new ExplainOptionSet();
        var rule = new Option<string>("--rule") { Description = "The rule to refine.", Required = true };
        var write = new Option<string?>("--write") { Description = "Write the candidate policy of suggestion --pick to this file." };
        var pick = new Option<int>("--pick")
        {
            Description = "Which suggestion --write writes, counting from 1.",
            DefaultValueFactory = _ => 1,
        };
        var command = new Command("suggest",
            "Propose edits to a rule (an exemption, a separate limit) from its segments, each checked by replay.");
        options.AddTo(command);
        command.Add(rule);
        command.Add(write);
        command.Add(Force);
        command.Add(pick);
        command.SetAction(parsed => Run(options, parsed, parsed.GetValue(rule)!, parsed.GetValue(write),
            parsed.GetValue(pick)));
        return command;
    }

    private static int Run(ExplainOptionSet options, ParseResult parsed, string rule, string? write, int pick)
    {
        var minerOptions = options.ReadMinerOptions(parsed);
        var policyPath = parsed.GetValue(options.Policy)
            ?? throw new UsageException("suggest needs --policy FILE: the policy whose rule it patches");
        var policy = PolicyFiles.LoadCompiled(policyPath);
        if (policy.Compiled!.Policy.Rules.All(candidate => candidate.Id != rule))
        {
            var known = string.Join(", ", policy.Compiled.Policy.Rules.Select(candidate => candidate.Id));
            throw new UsageException($"rule {rule} is not in {policyPath}; its rules: {known}");
        }

        if (write is not null)
        {
            OutputFile.Require("--write", write, parsed.GetValue(Force));
        }

        using var store = PatternInputs.OpenStore(parsed.GetValue(options.Store)!);
        var table = PatternInputs.Load(store, policy);
        var request = new SuggestionRequest(table, rule, policy.Compiled, File.ReadAllText(policyPath),
            () => store.ReadEvents(new EventQuery()), PatternInputs.Labels(store), minerOptions,
            new ReplayComparerOptions { BucketWidth = BucketWidth.For(store.Summarize()) },
            TimeProvider.System.GetUtcNow().UtcDateTime)
        {
            ReviewTally = PatternInputs.ReviewTally(store),
        };
        var suggestions = Suggester.Suggest(request);
        SuggestionWriter.Write(Console.Out, table, rule, PolicyFiles.Describe(policy), suggestions);
        if (write is null)
        {
            return ExitCodes.Success;
        }

        if (pick < 1 || pick > suggestions.Count)
        {
            throw new UsageException(suggestions.Count == 0
                ? $"nothing to write: there is no suggestion for {rule}"
                : $"invalid --pick {pick}: choose 1 to {suggestions.Count}");
        }

        OutputFile.Write(write, writer => writer.Write(suggestions[pick - 1].PolicyText));
        Console.WriteLine($"wrote suggestion {pick} to {write}; check it with 'policyloop policy check {write}'");
        return ExitCodes.Success;
    }
}
