namespace PolicyLoop.Ingest.Formats.Jsonl;

/// <summary>The value type a mapped event field expects from its JSON value.</summary>
public enum EventFieldKind
{
    /// <summary>A JSON string; numbers and booleans are taken as their JSON text.</summary>
    Text,

    /// <summary>A client address; text, put into canonical form.</summary>
    Address,

    /// <summary>A whole number, as a JSON number or a string of digits.</summary>
    Integer,

    /// <summary>An array of strings, or a single string as a one-item list.</summary>
    TextList,

    /// <summary>An object of numbers.</summary>
    Scores,

    /// <summary>An object of strings (numbers and booleans as their JSON text).</summary>
    Labels,

    /// <summary>An object, whose properties are added to the attributes.</summary>
    Object,

    /// <summary>The event time, read in the mapping's time format.</summary>
    Time,
}
