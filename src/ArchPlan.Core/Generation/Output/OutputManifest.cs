using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;

namespace ArchPlan.Generation.Output;

/// <summary>
/// What the last run wrote: each generated file's path and the SHA-256 of its bytes, so the next run can tell
/// a hand edit from ArchPlan's own output. Stored as deterministic JSON (sorted, two-space indent, LF).
/// </summary>
internal sealed class OutputManifest
{
    private const int FormatVersion = 1;

    private OutputManifest(ImmutableSortedDictionary<string, string> files, StackIdentity? stack)
    {
        Files = files;
        Stack = stack;
    }

    public static OutputManifest Empty { get; } = new(ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal), null);

    /// <summary>The stack class and construct id the app was generated with; null in manifests written before they were recorded.</summary>
    public StackIdentity? Stack { get; }

    /// <summary>Path relative to the output root → lowercase hex SHA-256, in ordinal order.</summary>
    public ImmutableSortedDictionary<string, string> Files { get; }

    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static OutputManifest From(IEnumerable<KeyValuePair<string, string>> files, StackIdentity? stack = null) =>
        new(files.ToImmutableSortedDictionary(StringComparer.Ordinal), stack);

    public byte[] Serialize(string product)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", FormatVersion);
            writer.WriteString("product", product);
            if (Stack is not null)
            {
                writer.WriteStartObject("stack");
                writer.WriteString("class", Stack.ClassName);
                writer.WriteString("id", Stack.ConstructId);
                writer.WriteEndObject();
            }
            writer.WriteStartArray("files");
            foreach (var (path, hash) in Files)
            {
                writer.WriteStartObject();
                writer.WriteString("path", path);
                writer.WriteString("sha256", hash);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Reads a manifest; on failure returns null and where in the JSON it went wrong.</summary>
    public static OutputManifest? TryParse(byte[] bytes, string product, out string? errorAt)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            errorAt = $"line {(e.LineNumber ?? 0) + 1}";
            return null;
        }
        using (document)
        {
            return TryRead(document.RootElement, product, out errorAt);
        }
    }

    private static OutputManifest? TryRead(JsonElement root, string product, out string? errorAt)
    {
        errorAt = "$";
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        errorAt = "$.version";
        if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number
            || !version.TryGetInt32(out var number) || number != FormatVersion)
        {
            return null;
        }
        // A manifest copied from another product would make that product's hashes look like hand edits.
        errorAt = "$.product";
        if (!root.TryGetProperty("product", out var name) || name.ValueKind != JsonValueKind.String
            || name.GetString() != product)
        {
            return null;
        }
        // Optional: manifests written before the stack was recorded have none.
        errorAt = "$.stack";
        StackIdentity? stack = null;
        if (root.TryGetProperty("stack", out var stackElement))
        {
            if (stackElement.ValueKind != JsonValueKind.Object
                || !stackElement.TryGetProperty("class", out var className) || className.ValueKind != JsonValueKind.String
                || !stackElement.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
            {
                return null;
            }
            stack = new StackIdentity(className.GetString()!, id.GetString()!);
            if (!stack.IsValid)
            {
                return null;
            }
        }
        errorAt = "$.files";
        if (!root.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        var entries = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var entry in files.EnumerateArray())
        {
            errorAt = $"$.files[{index}]";
            if (entry.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            errorAt = $"$.files[{index}].path";
            if (!entry.TryGetProperty("path", out var path) || path.ValueKind != JsonValueKind.String
                || path.GetString() is not { Length: > 0 } pathText || entries.ContainsKey(pathText))
            {
                return null;
            }
            errorAt = $"$.files[{index}].sha256";
            if (!entry.TryGetProperty("sha256", out var hash) || hash.ValueKind != JsonValueKind.String
                || hash.GetString() is not { } hashText || !IsLowerHexSha256(hashText))
            {
                return null;
            }
            entries.Add(pathText, hashText);
            index++;
        }
        errorAt = null;
        return new OutputManifest(entries.ToImmutable(), stack);
    }

    private static bool IsLowerHexSha256(string text) =>
        text.Length == 64 && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
