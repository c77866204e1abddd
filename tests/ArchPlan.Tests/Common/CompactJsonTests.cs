using System.Text.Encodings.Web;
using System.Text.Json;
using ArchPlan.Common;
using CsCheck;

namespace ArchPlan.Tests.Common;

/// <summary>
/// CompactJson replaced JsonSerializer (reflection-based, off in the native build) for the templates' json filter and
/// the Lambda environment size: it must write exactly what the serializer wrote, for any text.
/// </summary>
public sealed class CompactJsonTests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char[(char)0, (char)0x7F], 0, 40],
        Gen.Int[0, 7].Select(i => new[] { "", "\"", "\\", "<script>&'", "\u2028\u2029", "é日本🙂", "\u0000\u001F\u007F", "\u202E" }[i]));

    [Fact]
    public void String_literals_are_what_the_serializer_wrote()
    {
        Text.Where(IsWellFormed).Sample(value => Assert.Equal(JsonSerializer.Serialize(value, Relaxed), CompactJson.String(value)), iter: 5_000);
    }

    [Fact]
    public void Object_sizes_are_what_the_serializer_wrote()
    {
        Gen.Select(Text.Where(IsWellFormed), Text.Where(IsWellFormed)).Array[0, 6].Sample(pairs =>
        {
            var map = new Dictionary<string, string>();
            foreach (var (key, value) in pairs)
            {
                map[key] = value;
            }
            Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(map, Relaxed).Length, CompactJson.ObjectSize(map));
        }, iter: 2_000);
    }

    [Fact]
    public void Only_what_json_requires_is_escaped()
    {
        Assert.Equal("\"a\\\"b\\\\c\\n<é>\"", CompactJson.String("a\"b\\c\n<é>"));
        Assert.Equal("{\"K\":\"v\"}".Length, CompactJson.ObjectSize(new Dictionary<string, string> { ["K"] = "v" }));
    }

    // Lone surrogates are not text (plan text is decoded from UTF-8 and cannot hold them); leave them out.
    private static bool IsWellFormed(string value) =>
        System.Text.Unicode.Utf8.FromUtf16(value, new byte[(value.Length * 3) + 1], out _, out _, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done;
}
