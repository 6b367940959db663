namespace PolicyLoop.Policies.Files;

/// <summary>A mapping with its entries in file order; duplicate keys are kept so the loader can report them.</summary>
internal sealed record YamlMapping(int Line, int Column, IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries)
    : YamlNode(Line, Column);
