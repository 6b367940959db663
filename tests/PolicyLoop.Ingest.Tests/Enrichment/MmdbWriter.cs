using System.Net;
using System.Text;

namespace PolicyLoop.Ingest.Tests.Enrichment;

/// <summary>
/// A minimal writer of MaxMind DB files (format version 2.0, as published at
/// maxmind.github.io/MaxMind-DB): an IPv4 search tree with 24-bit records, a data section of maps, strings
/// and unsigned integers, and the metadata section. Tests read its output with the MaxMind.Db package, so
/// enrichment runs against a real database file without network access.
/// </summary>
internal sealed class MmdbWriter
{
    private const long Empty = -1;

    private readonly List<long[]> _nodes = [[Empty, Empty]];
    private readonly List<byte> _data = [];

    /// <summary>Adds an IPv4 network with its record, a map of strings, unsigned integers and nested maps.</summary>
    public void Add(string cidr, IReadOnlyDictionary<string, object> record)
    {
        var parts = cidr.Split('/');
        var address = IPAddress.Parse(parts[0]).GetAddressBytes();
        var bits = (uint)((address[0] << 24) | (address[1] << 16) | (address[2] << 8) | address[3]);
        var length = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var offset = _data.Count;
        Encode(record, _data);
        var node = 0;
        for (var depth = 0; depth < length; depth++)
        {
            var bit = (int)((bits >> (31 - depth)) & 1);
            if (depth == length - 1)
            {
                _nodes[node][bit] = -2 - offset;
                break;
            }

            if (_nodes[node][bit] == Empty)
            {
                _nodes.Add([Empty, Empty]);
                _nodes[node][bit] = _nodes.Count - 1;
            }

            node = (int)_nodes[node][bit];
        }
    }

    public void Write(string path, string databaseType)
    {
        var output = new List<byte>();
        var nodeCount = _nodes.Count;
        foreach (var node in _nodes)
        {
            foreach (var record in node)
            {
                var value = record switch
                {
                    Empty => nodeCount,
                    >= 0 => record,
                    _ => nodeCount + 16 + (-2 - record),
                };
                output.Add((byte)(value >> 16));
                output.Add((byte)(value >> 8));
                output.Add((byte)value);
            }
        }

        output.AddRange(new byte[16]);
        output.AddRange(_data);
        output.AddRange([0xAB, 0xCD, 0xEF]);
        output.AddRange(Encoding.ASCII.GetBytes("MaxMind.com"));
        Encode(new Dictionary<string, object>
        {
            ["node_count"] = (uint)nodeCount,
            ["record_size"] = (ushort)24,
            ["ip_version"] = (ushort)4,
            ["database_type"] = databaseType,
            ["languages"] = new[] { "en" },
            ["binary_format_major_version"] = (ushort)2,
            ["binary_format_minor_version"] = (ushort)0,
            ["build_epoch"] = (ulong)1_700_000_000,
            ["description"] = new Dictionary<string, object> { ["en"] = "PolicyLoop test database" },
        }, output);
        File.WriteAllBytes(path, [.. output]);
    }

    private static void Encode(object value, List<byte> output)
    {
        switch (value)
        {
            case string text:
                var bytes = Encoding.UTF8.GetBytes(text);
                Control(2, bytes.Length, output);
                output.AddRange(bytes);
                break;
            case ushort number:
                Unsigned(5, number, output);
                break;
            case uint number:
                Unsigned(6, number, output);
                break;
            case ulong number:
                Unsigned(9, number, output);
                break;
            case string[] array:
                Control(11, array.Length, output);
                foreach (var item in array)
                {
                    Encode(item, output);
                }

                break;
            case IReadOnlyDictionary<string, object> map:
                Control(7, map.Count, output);
                foreach (var (key, item) in map)
                {
                    Encode(key, output);
                    Encode(item, output);
                }

                break;
            default:
                throw new ArgumentException($"unsupported value type {value.GetType()}", nameof(value));
        }
    }

    private static void Unsigned(int type, ulong number, List<byte> output)
    {
        var bytes = new List<byte>();
        for (var n = number; n > 0; n >>= 8)
        {
            bytes.Insert(0, (byte)n);
        }

        Control(type, bytes.Count, output);
        output.AddRange(bytes);
    }

    /// <summary>Writes a control byte: the type in the top three bits (0 and an extra byte for types past 7), then the size.</summary>
    private static void Control(int type, int size, List<byte> output)
    {
        var typeBits = type <= 7 ? type << 5 : 0;
        byte[] sizeBytes;
        int sizeBits;
        if (size < 29)
        {
            sizeBits = size;
            sizeBytes = [];
        }
        else if (size < 285)
        {
            sizeBits = 29;
            sizeBytes = [(byte)(size - 29)];
        }
        else
        {
            sizeBits = 30;
            sizeBytes = [(byte)((size - 285) >> 8), (byte)(size - 285)];
        }

        output.Add((byte)(typeBits | sizeBits));
        if (type > 7)
        {
            output.Add((byte)(type - 7));
        }

        output.AddRange(sizeBytes);
    }
}
