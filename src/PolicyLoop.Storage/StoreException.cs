namespace PolicyLoop.Storage;

/// <summary>A store that cannot be opened or written, with a message that names the file and the fix.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
