using System.Text;
using System.Text.Json;

namespace PolicyLoop.Ingest;

/// <summary>Small JSON text builders for the event's attributes.</summary>
public static class JsonText
{
    /// <summary>Writes a flat JSON object of string properties, skipping null values.</summary>
    public static string Object(params ReadOnlySpan<(string Name, string? Value)> properties)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in properties)
            {
                if (value is not null)
                {
                    writer.WriteString(name, value);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
