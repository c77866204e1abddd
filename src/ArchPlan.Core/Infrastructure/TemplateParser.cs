using System.Text;
using System.Text.Json;
using ArchPlan.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ArchPlan.Infrastructure;

/// <summary>Parses a CloudFormation template, JSON or YAML, into <see cref="TemplateNode"/>s with line numbers.</summary>
internal static class TemplateParser
{
    // Short forms CloudFormation defines; each becomes the long form ("Fn::Name" or "Ref"/"Condition").
    private static readonly HashSet<string> ShortTags =
    [
        "Ref", "Condition", "GetAtt", "Sub", "Join", "Select", "Split", "If", "ImportValue", "FindInMap",
        "GetAZs", "Base64", "Equals", "And", "Or", "Not", "Cidr", "Transform", "Length", "ToJsonString", "ForEach",
        // Rule functions (CDK's CheckBootstrapVersion rule uses Fn::Contains).
        "Contains", "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll",
    ];

    private const int MaxDepth = 200;

    // CloudFormation templates have no use for aliases; a few are tolerated, many are an expansion attack.
    private const int MaxAliases = 100;

    /// <summary>
    /// The most values (maps, lists, scalars) a template may hold, counting each alias as the values it repeats: a
    /// 1 MB template (CloudFormation's limit) holds a few hundred thousand; YAML anchors that each repeat the previous
    /// one twice reach a billion in 30 lines, and every later stage walks them all.
    /// </summary>
    internal const int MaxValues = 1_000_000;

    /// <summary>Thrown when a template holds more than <see cref="MaxValues"/> values.</summary>
    private sealed class TooManyValuesException(int line, int column, bool expanded) : Exception
    {
        public int Line { get; } = line;

        public int Column { get; } = column;

        public bool Expanded { get; } = expanded;
    }

    /// <summary>What one parse keeps track of: where it is, the values it has made, and the diagnostics it reports.</summary>
    private sealed class ParseState(string file, DiagnosticBag diagnostics)
    {
        public string File { get; } = file;

        public DiagnosticBag Diagnostics { get; } = diagnostics;

        public long Values { get; private set; }

        /// <summary>True once a repeated key was reported: the template is refused, not analysed.</summary>
        public bool HasDuplicates { get; private set; }

        /// <summary>Counts <paramref name="count"/> more values (an alias counts the values its anchor holds).</summary>
        public void Count(long count, int line, int column, bool expanded = false)
        {
            Values += count;
            if (Values > MaxValues)
            {
                throw new TooManyValuesException(line, column, expanded);
            }
        }

        /// <summary>Reports each key given twice in one mapping, at the second one, naming the line of the first.</summary>
        public void CheckDuplicates(IReadOnlyList<TemplateEntry> entries)
        {
            if (entries.Count < 2)
            {
                return;
            }
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (!first.TryAdd(entry.Key, entry.Line))
                {
                    HasDuplicates = true;
                    Diagnostics.Add(DiagnosticCatalog.DuplicateTemplateKey, new SourceLocation(File, entry.Line, entry.Column), entry.Key, first[entry.Key]);
                }
            }
        }

        public void ReportTooMany(TooManyValuesException ex) =>
            Diagnostics.Add(DiagnosticCatalog.TemplateTooManyValues, new SourceLocation(File, ex.Line, ex.Column), MaxValues,
                ex.Expanded ? " once its YAML aliases are expanded (each alias repeats its anchor)" : "");
    }

    /// <summary>True when the text looks like JSON (first non-blank character is <c>{</c>).</summary>
    public static bool LooksLikeJson(string text) => text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('{');

    public static TemplateNode? Parse(string text, string file, DiagnosticBag diagnostics) =>
        LooksLikeJson(text) ? ParseJson(text, file, diagnostics) : ParseYaml(text, file, diagnostics);

    public static TemplateNode? ParseJson(string text, string file, DiagnosticBag diagnostics)
    {
        var bytes = Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF'));
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = MaxDepth,
        });
        var state = new ParseState(file, diagnostics);
        try
        {
            if (!reader.Read())
            {
                diagnostics.Add(DiagnosticCatalog.InfraTemplateUnreadable, SourceLocation.OfFile(file), "the file is empty");
                return null;
            }
            var root = ReadJsonValue(ref reader, lineStarts, state);
            return state.HasDuplicates ? null : root;
        }
        catch (TooManyValuesException ex)
        {
            state.ReportTooMany(ex);
            return null;
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader.GetString throws this on an escape that is no character ("\uDC69", a lone surrogate): found by fuzzing.
            var (line, column) = Position(Math.Min(reader.TokenStartIndex, Math.Max(0, bytes.Length - 1)), lineStarts);
            diagnostics.Add(DiagnosticCatalog.InfraTemplateUnreadable, new SourceLocation(file, line, column), FirstSentence(ex.Message));
            return null;
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? -1) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            diagnostics.Add(DiagnosticCatalog.InfraTemplateUnreadable, new SourceLocation(file, Math.Max(line, 0), line > 0 ? column : 0), FirstSentence(ex.Message));
            return null;
        }
    }

    private static (int Line, int Column) Position(long offset, List<int> lineStarts)
    {
        var index = lineStarts.BinarySearch((int)offset);
        if (index < 0)
        {
            index = ~index - 1;
        }
        return (index + 1, (int)offset - lineStarts[index] + 1);
    }

    private static TemplateNode ReadJsonValue(ref Utf8JsonReader reader, List<int> lineStarts, ParseState state)
    {
        var (line, column) = Position(reader.TokenStartIndex, lineStarts);
        state.Count(1, line, column);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var entries = new List<TemplateEntry>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var (keyLine, keyColumn) = Position(reader.TokenStartIndex, lineStarts);
                    var key = reader.GetString() ?? "";
                    reader.Read();
                    entries.Add(new TemplateEntry(key, keyLine, keyColumn, ReadJsonValue(ref reader, lineStarts, state)));
                }
                state.CheckDuplicates(entries);
                return new TemplateMap(entries, line, column);
            case JsonTokenType.StartArray:
                var items = new List<TemplateNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadJsonValue(ref reader, lineStarts, state));
                }
                return new TemplateList(items, line, column);
            case JsonTokenType.String:
                return new TemplateScalar(reader.GetString() ?? "", line, column);
            case JsonTokenType.Null:
                return new TemplateScalar("", line, column);
            default:
                return new TemplateScalar(Encoding.UTF8.GetString(reader.ValueSpan), line, column);
        }
    }

    public static TemplateNode? ParseYaml(string text, string file, DiagnosticBag diagnostics)
    {
        try
        {
            var parser = new Parser(new StringReader(text.TrimStart('\uFEFF')));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                diagnostics.Add(DiagnosticCatalog.InfraTemplateUnreadable, SourceLocation.OfFile(file), "the file is empty");
                return null;
            }
            parser.Consume<DocumentStart>();
            var anchors = new Dictionary<string, (TemplateNode Node, long Values)>(StringComparer.Ordinal);
            var aliases = 0;
            var state = new ParseState(file, diagnostics);
            try
            {
                var root = ReadYamlValue(parser, state, anchors, ref aliases, 0).Node;
                return state.HasDuplicates ? null : root;
            }
            catch (TooManyValuesException ex)
            {
                state.ReportTooMany(ex);
                return null;
            }
        }
        catch (YamlException ex)
        {
            var line = (int)ex.Start.Line;
            var column = line > 0 ? (int)ex.Start.Column : 0;
            // YamlDotNet can place an error at the end of the stream, past the last line (found by fuzzing): point at the last line.
            var lines = Math.Max(1, text.Count(c => c == '\n') + (text.EndsWith('\n') ? 0 : 1));
            if (line > lines)
            {
                (line, column) = (lines, 1);
            }
            diagnostics.Add(DiagnosticCatalog.InfraTemplateUnreadable, new SourceLocation(file, line, column), FirstSentence(ex.Message));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, with no position, on some malformed input (found by fuzzing): a plain
            // scalar or flow collection left open where the stream ends.
            diagnostics.Add(DiagnosticCatalog.InfraTemplateUnreadable, SourceLocation.OfFile(file), "the YAML ends inside an unfinished value (an open bracket, quote or key)");
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            // And this on escapes it cannot decode ("\uD83D\u0041", a lone surrogate), also found by fuzzing.
            diagnostics.Add(DiagnosticCatalog.InfraTemplateUnreadable, SourceLocation.OfFile(file), "a quoted value holds an escape YAML cannot decode: " + FirstSentence(ex.Message));
            return null;
        }
    }

    /// <summary>Reads one value; <c>Values</c> is how many values it stands for, aliases expanded.</summary>
    private static (TemplateNode Node, long Values) ReadYamlValue(IParser parser, ParseState state, Dictionary<string, (TemplateNode Node, long Values)> anchors, ref int aliases, int depth)
    {
        var (file, diagnostics) = (state.File, state.Diagnostics);
        if (depth > MaxDepth)
        {
            throw new YamlException(parser.Current!.Start, parser.Current.End, "the template is nested too deeply");
        }

        var current = parser.Current ?? throw new YamlException("unexpected end of the YAML stream");
        var line = (int)current.Start.Line;
        var column = (int)current.Start.Column;
        TemplateNode node;
        long values = 1;
        string? tag = null;
        string anchor = "";
        switch (current)
        {
            case AnchorAlias alias:
                if (++aliases > MaxAliases)
                {
                    throw new YamlException(alias.Start, alias.End, $"more than {MaxAliases} aliases");
                }
                parser.MoveNext();
                if (!anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    throw new YamlException(alias.Start, alias.End, $"the alias *{alias.Value.Value} names no anchor");
                }
                // The node is shared, not copied, but every later stage walks it once per alias.
                state.Count(target.Values, line, column, expanded: true);
                return target;
            case Scalar scalar:
                state.Count(1, line, column);
                parser.MoveNext();
                tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
                anchor = scalar.Anchor.IsEmpty ? "" : scalar.Anchor.Value;
                node = new TemplateScalar(scalar.Value, line, column);
                break;
            case MappingStart mapping:
                state.Count(1, line, column);
                parser.MoveNext();
                tag = mapping.Tag.IsEmpty ? null : mapping.Tag.Value;
                anchor = mapping.Anchor.IsEmpty ? "" : mapping.Anchor.Value;
                var entries = new List<TemplateEntry>();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var (keyNode, keyValues) = ReadYamlValue(parser, state, anchors, ref aliases, depth + 1);
                    var (value, valueValues) = ReadYamlValue(parser, state, anchors, ref aliases, depth + 1);
                    values += keyValues + valueValues;
                    entries.Add(new TemplateEntry(keyNode.Text ?? "", keyNode.Line, keyNode.Column, value));
                }
                state.CheckDuplicates(entries);
                node = new TemplateMap(entries, line, column);
                break;
            case SequenceStart sequence:
                state.Count(1, line, column);
                parser.MoveNext();
                tag = sequence.Tag.IsEmpty ? null : sequence.Tag.Value;
                anchor = sequence.Anchor.IsEmpty ? "" : sequence.Anchor.Value;
                var items = new List<TemplateNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    var (item, itemValues) = ReadYamlValue(parser, state, anchors, ref aliases, depth + 1);
                    values += itemValues;
                    items.Add(item);
                }
                node = new TemplateList(items, line, column);
                break;
            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }

        if (tag is not null)
        {
            node = ExpandTag(tag, node, file, diagnostics);
        }
        if (anchor.Length > 0)
        {
            anchors[anchor] = (node, values);
        }
        return (node, values);
    }

    /// <summary>Turns <c>!Ref X</c> into <c>{Ref: X}</c>, <c>!GetAtt A.B</c> into <c>{Fn::GetAtt: [A, B]}</c>, <c>!Sub s</c> into <c>{Fn::Sub: s}</c>.</summary>
    private static TemplateNode ExpandTag(string tag, TemplateNode node, string file, DiagnosticBag diagnostics)
    {
        var name = tag.TrimStart('!');
        if (tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal))
        {
            return node;
        }
        if (!tag.StartsWith('!') || !ShortTags.Contains(name))
        {
            diagnostics.Add(DiagnosticCatalog.InfraUnknownTag, new SourceLocation(file, node.Line, node.Column), tag);
            return node;
        }

        var value = node;
        if (name == "GetAtt" && node is TemplateScalar dotted)
        {
            // "!GetAtt Resource.Attr.With.Dots": only the first dot separates the resource from the attribute.
            var dot = dotted.Value.IndexOf('.', StringComparison.Ordinal);
            var parts = dot < 0 ? [dotted.Value] : new[] { dotted.Value[..dot], dotted.Value[(dot + 1)..] };
            value = new TemplateList([.. parts.Select(p => (TemplateNode)new TemplateScalar(p, node.Line, node.Column))], node.Line, node.Column);
        }
        var key = name is "Ref" or "Condition" ? name : "Fn::" + name;
        return new TemplateMap([new TemplateEntry(key, node.Line, node.Column, value)], node.Line, node.Column);
    }

    private static string FirstSentence(string message)
    {
        var text = message.ReplaceLineEndings(" ");
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}
