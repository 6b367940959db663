namespace PolicyLoop.Bench.Cel;

/// <summary>A protobuf text-format message: fields in order, each a scalar token or a nested message.</summary>
internal sealed class TextMessage
{
    public List<KeyValuePair<string, object>> Fields { get; } = [];

    public IEnumerable<TextMessage> Messages(string name) =>
        Fields.Where(f => f.Key == name).Select(f => f.Value).OfType<TextMessage>();

    public TextMessage? Message(string name) => Messages(name).FirstOrDefault();

    public TextScalar? Scalar(string name) =>
        Fields.Where(f => f.Key == name).Select(f => f.Value).OfType<TextScalar>().FirstOrDefault();

    public bool Has(string name) => Fields.Exists(f => f.Key == name);
}
