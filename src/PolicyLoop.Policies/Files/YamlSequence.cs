namespace PolicyLoop.Policies.Files;

/// <summary>A sequence of nodes.</summary>
internal sealed record YamlSequence(int Line, int Column, IReadOnlyList<YamlNode> Items) : YamlNode(Line, Column);
