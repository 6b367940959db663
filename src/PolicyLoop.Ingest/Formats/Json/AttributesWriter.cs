using System.Buffers;
using System.Text;
using System.Text.Json;

namespace PolicyLoop.Ingest.Formats.Json;

/// <summary>
/// Builds the attributes JSON object of an event: the source fields that have no column of their
/// own, copied as they were logged.
/// </summary>
internal sealed class AttributesWriter : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public AttributesWriter()
    {
        _writer = new Utf8JsonWriter(_buffer);
        _writer.WriteStartObject();
    }

    // A name that is already written is skipped, so the object never has duplicate keys.

    public void Add(string name, JsonElement value)
    {
        if (_names.Add(name))
        {
            _writer.WritePropertyName(name);
            value.WriteTo(_writer);
        }
    }

    public void Add(string name, string? value)
    {
        if (value is not null && _names.Add(name))
        {
            _writer.WriteString(name, value);
        }
    }

    public void Add(string name, long value)
    {
        if (_names.Add(name))
        {
            _writer.WriteNumber(name, value);
        }
    }

    /// <summary>
    /// Copies every property of <paramref name="element"/> whose name is not in <paramref name="mapped"/>.
    /// </summary>
    public void AddUnmapped(JsonElement element, IReadOnlySet<string> mapped)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!mapped.Contains(property.Name))
            {
                Add(property.Name, property.Value);
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="element"/> as the nested object <paramref name="name"/> without the
    /// properties in <paramref name="mapped"/>; writes nothing when no property is left.
    /// </summary>
    public void AddUnmapped(string name, JsonElement element, IReadOnlySet<string> mapped)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.EnumerateObject().Any(property => !mapped.Contains(property.Name))
            || !_names.Add(name))
        {
            return;
        }

        _writer.WriteStartObject(name);
        foreach (var property in element.EnumerateObject())
        {
            if (!mapped.Contains(property.Name))
            {
                _writer.WritePropertyName(property.Name);
                property.Value.WriteTo(_writer);
            }
        }

        _writer.WriteEndObject();
    }

    /// <summary>Returns the object's JSON text, or null when no attribute was added.</summary>
    public string? ToJson()
    {
        if (_names.Count == 0)
        {
            return null;
        }

        _writer.WriteEndObject();
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    public void Dispose() => _writer.Dispose();
}
