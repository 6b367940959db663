using System.Linq.Expressions;
using PolicyLoop.Core;
using PolicyLoop.Policies.Expressions.Compilation;
using PolicyLoop.Policies.Expressions.Runtime;

namespace PolicyLoop.Policies.Evaluation;

/// <summary>
/// Declares every field of the decision event record as a variable of the same snake_case name.
/// Reading a field the event does not set raises an evaluation error; <c>has(field)</c> tests for it.
/// </summary>
public static class EventFields
{
    private static readonly (string Name, string Property)[] StringFields =
    [
        ("event_id", nameof(DecisionEvent.EventId)), ("source", nameof(DecisionEvent.Source)),
        ("policy_id", nameof(DecisionEvent.PolicyId)), ("policy_version", nameof(DecisionEvent.PolicyVersion)),
        ("rule_id", nameof(DecisionEvent.RuleId)), ("reason", nameof(DecisionEvent.Reason)),
        ("client_ip", nameof(DecisionEvent.ClientIp)), ("user_id", nameof(DecisionEvent.UserId)),
        ("session_id", nameof(DecisionEvent.SessionId)), ("tenant", nameof(DecisionEvent.Tenant)),
        ("method", nameof(DecisionEvent.Method)), ("host", nameof(DecisionEvent.Host)),
        ("path", nameof(DecisionEvent.Path)), ("query", nameof(DecisionEvent.Query)),
        ("user_agent", nameof(DecisionEvent.UserAgent)), ("referer", nameof(DecisionEvent.Referer)),
        ("content", nameof(DecisionEvent.Content)), ("country", nameof(DecisionEvent.Country)),
        ("asn", nameof(DecisionEvent.Asn)), ("org", nameof(DecisionEvent.Org)), ("raw", nameof(DecisionEvent.Raw)),
    ];

    /// <summary>Creates an environment that declares the event record's fields.</summary>
    public static CompilerEnvironment CreateEnvironment()
    {
        var environment = new CompilerEnvironment { AllowStateful = true };
        foreach (var (name, property) in StringFields)
        {
            environment.Declare(new VariableDeclaration(name, CelType.String,
                c => Expression.Call(typeof(CelAccess), nameof(CelAccess.RequireString), null, Property(c, property), Expression.Constant(name)),
                c => Expression.NotEqual(Property(c, property), Expression.Constant(null, typeof(string)))));
        }

        DeclareTyped(environment);
        return environment;
    }

    private static void DeclareTyped(CompilerEnvironment environment)
    {
        environment
            .Declare(new("time", CelType.Timestamp, c => Expression.Convert(Property(c, nameof(DecisionEvent.Time)), typeof(object)),
                c => Expression.NotEqual(Property(c, nameof(DecisionEvent.Time)), Expression.Constant(default(DateTime)))))
            .Declare(new("decision", CelType.String, c => Call(nameof(DecisionName), Event(c)), _ => Expression.Constant(true)))
            .Declare(new("mode", CelType.String, c => Call(nameof(ModeName), Event(c)), _ => Expression.Constant(true)))
            .Declare(Nullable("status", nameof(DecisionEvent.Status)))
            .Declare(Nullable("bytes", nameof(DecisionEvent.Bytes)))
            .Declare(new("matched_rules", CelType.List(CelType.String), c => Call(nameof(MatchedRules), Event(c)), c => Call(nameof(HasMatchedRules), Event(c))))
            .Declare(new("roles", CelType.List(CelType.String), c => Call(nameof(Roles), Event(c)), c => Call(nameof(HasRoles), Event(c))))
            .Declare(new("scores", CelType.Map(CelType.String, CelType.Double), c => Call(nameof(Scores), Event(c)), c => Call(nameof(HasScores), Event(c))))
            .Declare(new("labels", CelType.Map(CelType.String, CelType.String), c => Call(nameof(Labels), Event(c)), c => Call(nameof(HasLabels), Event(c))))
            .Declare(new("attributes", CelType.DynMap, c => Expression.Property(c, nameof(EvaluationContext.Attributes)),
                c => Expression.NotEqual(Property(c, nameof(DecisionEvent.Attributes)), Expression.Constant(null, typeof(string)))));
    }

    private static VariableDeclaration Nullable(string name, string property) => new(
        name,
        CelType.Int,
        c => Expression.Call(typeof(CelAccess), nameof(CelAccess.RequireInt), null, Property(c, property), Expression.Constant(name)),
        c => Expression.Property(Property(c, property), "HasValue"));

    private static MemberExpression Event(Expression context) =>
        Expression.Property(context, nameof(EvaluationContext.Event));

    private static MemberExpression Property(Expression context, string property) =>
        Expression.Property(Event(context), property);

    private static MethodCallExpression Call(string method, Expression argument) =>
        Expression.Call(typeof(EventFields), method, null, argument);

    public static string DecisionName(DecisionEvent e) => e.Decision.ToName();

    public static string ModeName(DecisionEvent e) => e.Mode.ToName();

    public static System.Collections.IList MatchedRules(DecisionEvent e) => CelAccess.ToList(e.MatchedRules);

    public static bool HasMatchedRules(DecisionEvent e) => e.MatchedRules.Count > 0;

    public static System.Collections.IList Roles(DecisionEvent e) => CelAccess.ToList(e.Roles);

    public static bool HasRoles(DecisionEvent e) => e.Roles.Count > 0;

    public static ICelMap Scores(DecisionEvent e) => new ReadOnlyMapView<double>(e.Scores);

    public static bool HasScores(DecisionEvent e) => e.Scores.Count > 0;

    public static ICelMap Labels(DecisionEvent e) => new ReadOnlyMapView<string>(e.Labels);

    public static bool HasLabels(DecisionEvent e) => e.Labels.Count > 0;
}
