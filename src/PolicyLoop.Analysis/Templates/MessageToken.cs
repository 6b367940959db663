namespace PolicyLoop.Analysis.Templates;

/// <summary>One piece of a message: its kind and where it is in the message text.</summary>
public readonly record struct MessageToken(TokenKind Kind, int Start, int Length);
