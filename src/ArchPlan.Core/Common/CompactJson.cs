using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ArchPlan.Common;

/// <summary>
/// Compact JSON as CloudFormation and the CDK write it (only what JSON requires is escaped), written with
/// <see cref="Utf8JsonWriter"/> rather than the reflection-based serializer, so it works the same in a native build.
/// </summary>
internal static class CompactJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The value as a JSON string literal, quotes included.</summary>
    public static string String(string value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStringValue(value);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The size in UTF-8 bytes of the JSON object mapping each key to its value.</summary>
    public static int ObjectSize(IEnumerable<KeyValuePair<string, string>> map)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in map)
            {
                writer.WriteString(key, value);
            }
            writer.WriteEndObject();
        }
        return buffer.WrittenCount;
    }
}
