using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ArchPlan.Reading;

/// <summary>Reads the YAML front matter into string fields with their plan locations, without YAML typing.</summary>
/// <remarks>
/// Uses YamlDotNet's event parser rather than its deserializer: that lets us see duplicate keys (the
/// deserializer keeps the last silently), refuse anchors and aliases, and keep each key's position.
/// </remarks>
internal static class FrontMatterReader
{
    /// <summary>The front matter block as found in the text: YAML content span, and where the block ends.</summary>
    internal readonly record struct Block(int ContentStart, int ContentEnd, int End, bool Closed);

    /// <summary>Finds a front-matter block: '---' on the very first line, closed by '---' or '...'.</summary>
    public static Block? Find(string text)
    {
        var firstLineEnd = LineEnd(text, 0, out var next);
        if (text.AsSpan(0, firstLineEnd).TrimEnd() is not "---")
        {
            return null;
        }

        var position = next;
        while (position < text.Length)
        {
            var lineEnd = LineEnd(text, position, out var after);
            var line = text.AsSpan(position, lineEnd - position).TrimEnd();
            if (line is "---" or "...")
            {
                return new Block(next, position, after, Closed: true);
            }
            position = after;
        }
        return new Block(next, text.Length, text.Length, Closed: false);
    }

    public static FrontMatter Read(SourceText source, Block block, DiagnosticBag diagnostics)
    {
        var location = source.At(0, 3);
        if (!block.Closed)
        {
            diagnostics.Add(DiagnosticCatalog.UnclosedFrontMatter, location);
            return new FrontMatter { IsPresent = true, Location = location };
        }

        var yaml = source.Text[block.ContentStart..block.ContentEnd];
        var fields = new List<FrontMatterField>();
        var reader = new MappingReader(yaml, block.ContentStart, source, fields, diagnostics);
        try
        {
            reader.Read();
        }
        catch (YamlException ex)
        {
            // Invalid YAML makes the whole block unreadable, as it is to every other YAML tool: keeping the keys
            // read before the error would make the result depend on where the mistake happens to be.
            // YamlDotNet's start mark is often the token before the fault (the scalar before a tab); the end mark is the fault.
            var offset = block.ContentStart + (int)Math.Clamp(Math.Max(ex.Start.Index, ex.End.Index), 0, Math.Max(0, yaml.Length - 1));
            diagnostics.Add(DiagnosticCatalog.InvalidYaml, source.At(Math.Max(offset, reader.Position)), FirstLine(ex.Message));
            fields.Clear();
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet throws this, with an unhelpful message, when the block ends inside an open bracket or quote.
            diagnostics.Add(DiagnosticCatalog.InvalidYaml, source.At(reader.Position), "a '[', '{' or quote opened here is never closed");
            fields.Clear();
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            // And this on a "\u" escape it cannot decode (a lone or mismatched surrogate), found by fuzzing templates.
            diagnostics.Add(DiagnosticCatalog.InvalidYaml, source.At(reader.Position), "a quoted value holds an escape that is no character (a lone surrogate such as \\uD83D)");
            fields.Clear();
        }

        var seen = new Dictionary<string, FrontMatterField>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in fields)
        {
            if (seen.TryGetValue(field.Key, out var first))
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateFrontMatterKey, field.Location, field.Key, first.Location.Line);
            }
            else
            {
                seen[field.Key] = field;
            }
        }

        return new FrontMatter { IsPresent = true, Location = location, Fields = fields.ToEquatableArray() };
    }

    /// <summary>Reads the top-level mapping event by event, remembering the plan offset it has reached for error locations.</summary>
    private sealed class MappingReader(string yaml, int baseOffset, SourceText source, List<FrontMatterField> fields, DiagnosticBag diagnostics)
    {
        /// <summary>Deeper than this is no front matter a plan needs; YAML bombs and pasted data are.</summary>
        private const int MaxDepth = 16;

        private readonly Parser _parser = new(new StringReader(yaml));
        private bool _aliasReported;

        /// <summary>The plan offset of the last event read.</summary>
        public int Position { get; private set; }

        public void Read()
        {
            Position = baseOffset;
            _parser.Consume<StreamStart>();
            if (_parser.TryConsume<StreamEnd>(out _))
            {
                return;
            }
            _parser.Consume<DocumentStart>();
            Track();
            if (_parser.TryConsume<Scalar>(out var lone))
            {
                if (lone.Value.Length > 0)
                {
                    diagnostics.Add(DiagnosticCatalog.FrontMatterNotMapping, At(lone.Start.Index));
                }
                return;
            }
            if (!_parser.TryConsume<MappingStart>(out var mappingStart))
            {
                diagnostics.Add(DiagnosticCatalog.FrontMatterNotMapping, source.At(baseOffset));
                return;
            }
            if (!mappingStart.Anchor.IsEmpty)
            {
                ReportAlias(mappingStart.Start.Index);
            }

            while (true)
            {
                Track();
                if (_parser.TryConsume<MappingEnd>(out _))
                {
                    return;
                }
                if (!_parser.TryConsume<Scalar>(out var key))
                {
                    diagnostics.Add(DiagnosticCatalog.FrontMatterNotMapping, At(_parser.Current?.Start.Index ?? 0));
                    return;
                }
                var keyLocation = At(key.Start.Index, key.Value.Length);
                Track();
                if (_parser.Current is AnchorAlias alias)
                {
                    // An alias is refused, but the keys around it are still read.
                    ReportAlias(alias.Start.Index);
                    _parser.MoveNext();
                    continue;
                }
                if (_parser.TryConsume<Scalar>(out var scalar))
                {
                    if (!scalar.Anchor.IsEmpty)
                    {
                        ReportAlias(scalar.Start.Index);
                        continue;
                    }
                    var isNull = scalar.IsPlainImplicit && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
                    fields.Add(new FrontMatterField(key.Value, isNull ? null : scalar.Value, keyLocation));
                    continue;
                }

                // A sequence or mapping value (e.g. "title: [Brief Title]", which YAML reads as a list):
                // keep its source text so placeholders stay visible.
                var start = _parser.Current!.Start.Index;
                var (end, refused) = SkipNode();
                if (refused)
                {
                    continue;
                }
                // YamlDotNet's end mark of a flow collection stops before its closing bracket.
                while (end < yaml.Length && yaml[(int)end] is ']' or '}')
                {
                    end++;
                }
                fields.Add(new FrontMatterField(key.Value, yaml[(int)start..(int)end].Trim(), keyLocation));
            }
        }

        /// <summary>Skips one nested node; refused when it holds an anchor or an alias.</summary>
        private (long End, bool Refused) SkipNode()
        {
            var depth = 0;
            long end = 0;
            var refused = false;
            do
            {
                Track();
                var current = _parser.Current!;
                if (current is AnchorAlias || (current is NodeEvent node && !node.Anchor.IsEmpty))
                {
                    ReportAlias(current.Start.Index);
                    refused = true;
                }
                depth += current.NestingIncrease;
                if (depth > MaxDepth)
                {
                    throw new YamlException(current.Start, current.End, $"values are nested more than {MaxDepth} levels deep");
                }
                end = current.End.Index;
                _parser.MoveNext();
            }
            while (depth > 0);
            return (end, refused);
        }

        private void ReportAlias(long index)
        {
            if (!_aliasReported)
            {
                diagnostics.Add(DiagnosticCatalog.FrontMatterAlias, At(index));
                _aliasReported = true;
            }
        }

        private void Track()
        {
            if (_parser.Current is { } current)
            {
                Position = baseOffset + (int)Math.Clamp(current.Start.Index, 0, yaml.Length);
            }
        }

        private SourceLocation At(long index, int length = 0) => source.At(baseOffset + (int)Math.Clamp(index, 0, yaml.Length), length);
    }

    private static int LineEnd(string text, int start, out int next)
    {
        var index = text.IndexOfAny(['\r', '\n'], start);
        if (index < 0)
        {
            next = text.Length;
            return text.Length;
        }
        next = text[index] == '\r' && index + 1 < text.Length && text[index + 1] == '\n' ? index + 2 : index + 1;
        return index;
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        // YamlDotNet prefixes "(Line: 3, Col: 1, Idx: 20) - (Line: ...): " — we give our own location.
        var marker = line.IndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 && line.StartsWith("(Line", StringComparison.Ordinal) ? line[(marker + 3)..] : line;
    }
}
