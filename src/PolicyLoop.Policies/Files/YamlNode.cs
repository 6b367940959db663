namespace PolicyLoop.Policies.Files;

/// <summary>A YAML node with its 1-based position, built from parser events so every node keeps line and column.</summary>
internal abstract record YamlNode(int Line, int Column);
