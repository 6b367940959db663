using System.Globalization;
using PolicyLoop.Analysis.Replay;
using PolicyLoop.Policies.Evaluation;
using PolicyLoop.Policies.Files;
using PolicyLoop.Reports.Model.Patterns;

namespace PolicyLoop.Analysis.Patterns;

public static partial class Suggester
{
    /// <summary>Patches the policy, compiles the result and replays it; null when the patch does not compile.</summary>
    private static Suggestion? Check(SuggestionRequest request, PolicyRule rule, Proposal proposal, int number)
    {
        var policy = request.Policy.Policy;
        var patched = proposal.Kind == SeparateLimit
            ? PolicyPatch.SeparateLimit(request.PolicyText, rule, proposal.Condition,
                $"{rule.Id}-segment-{number}", request.LimitFactor)
            : PolicyPatch.Exempt(request.PolicyText, rule, proposal.Condition);
        if (patched is null)
        {
            return null;
        }

        patched = PolicyPatch.WithVersion(patched, $"{policy.Version}+suggestion-{number}");
        var compiled = Compile(patched, policy.File);
        if (compiled is null)
        {
            return null;
        }

        var replay = new PolicyReplayer(compiled, request.Policy, request.Replay).Run(request.Events(),
            $"{compiled.Policy.Id} {compiled.Policy.Version}", $"{policy.Id} {policy.Version}", request.GeneratedAt,
            review: request.ReviewTally?.Invoke());
        var counts = replay.Counts;
        var rejects = request.Table.RejectingRules().FirstOrDefault(entry => entry.RuleId == rule.Id).Rejects;
        var summary = new SuggestionSummary(rule.Id, proposal.Kind, proposal.Reason, proposal.Condition, rejects,
            counts.RejectToAllow, counts.AllowToReject, counts.ActionChanged + counts.RuleChanged)
        {
            ReviewEstimate = replay.Review is { } review
                ? string.Create(CultureInfo.InvariantCulture,
                    $"from {review.ReviewedEvents} reviewed rejects: false positives removed {review.FalsePositivesRemoved:F0} "
                    + $"({review.FalsePositivesRemovedLow:F0} to {review.FalsePositivesRemovedHigh:F0}), true positives lost "
                    + $"{review.TruePositivesLost:F0} ({review.TruePositivesLostLow:F0} to {review.TruePositivesLostHigh:F0}), 95% intervals")
                : null,
        };
        return new Suggestion(summary, patched, replay);
    }

    /// <summary>Loads and compiles policy text; null when it has errors, which a correct patch never causes.</summary>
    public static CompiledPolicy? Compile(string text, string file)
    {
        var (loaded, diagnostics) = PolicyLoader.Load(text, file);
        if (loaded is null || diagnostics.Count > 0)
        {
            return null;
        }

        var (compiled, compileDiagnostics) = PolicyCompiler.Compile(loaded, text);
        return compileDiagnostics.Count > 0 ? null : compiled;
    }
}
