namespace PolicyLoop.Analysis.Patterns;

/// <summary>
/// One attribute that segments events, such as the client /24 or the user agent family.
/// <paramref name="Condition"/> turns a value into a policy condition (CEL) that selects the same events,
/// or returns null when the policy language cannot express it; suggestions use only expressible values.
/// Attributes with the same <paramref name="Nesting"/> name nest (client, client /24, client /16): a finding that
/// names several of them names only the first in attribute order, the most specific.
/// </summary>
public sealed record AttributeDefinition(
    string Name,
    Func<Core.DecisionEvent, string?> Value,
    Func<string, string?> Condition,
    string? Nesting = null);
