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
        try
        {
            ReadMapping(yaml, block.ContentStart, source, fields, diagnostics);
        }
        catch (YamlException ex)
        {
            var offset = block.ContentStart + (int)Math.Clamp(ex.Start.Index, 0, yaml.Length);
            diagnostics.Add(DiagnosticCatalog.InvalidYaml, source.At(offset), FirstLine(ex.Message));
        }
        catch (InvalidOperationException ex)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidYaml, location, FirstLine(ex.Message));
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

    private static void ReadMapping(string yaml, int baseOffset, SourceText source, List<FrontMatterField> fields, DiagnosticBag diagnostics)
    {
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        if (parser.TryConsume<StreamEnd>(out _))
        {
            return;
        }
        parser.Consume<DocumentStart>();
        if (parser.TryConsume<Scalar>(out var lone))
        {
            if (lone.Value.Length > 0)
            {
                diagnostics.Add(DiagnosticCatalog.FrontMatterNotMapping, source.At(baseOffset + (int)lone.Start.Index));
            }
            return;
        }
        if (!parser.TryConsume<MappingStart>(out var mappingStart))
        {
            diagnostics.Add(DiagnosticCatalog.FrontMatterNotMapping, source.At(baseOffset));
            return;
        }
        if (!mappingStart.Anchor.IsEmpty)
        {
            diagnostics.Add(DiagnosticCatalog.FrontMatterAlias, source.At(baseOffset + (int)mappingStart.Start.Index));
            return;
        }

        while (!parser.TryConsume<MappingEnd>(out _))
        {
            if (!parser.TryConsume<Scalar>(out var key))
            {
                var bad = parser.Current;
                diagnostics.Add(DiagnosticCatalog.FrontMatterNotMapping, source.At(baseOffset + (int)(bad?.Start.Index ?? 0)));
                return;
            }
            var keyLocation = source.At(baseOffset + (int)key.Start.Index, key.Value.Length);
            if (parser.Current is AnchorAlias alias)
            {
                diagnostics.Add(DiagnosticCatalog.FrontMatterAlias, source.At(baseOffset + (int)alias.Start.Index));
                return;
            }
            if (parser.TryConsume<Scalar>(out var scalar))
            {
                if (!scalar.Anchor.IsEmpty)
                {
                    diagnostics.Add(DiagnosticCatalog.FrontMatterAlias, source.At(baseOffset + (int)scalar.Start.Index));
                    return;
                }
                var isNull = scalar.IsPlainImplicit && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
                fields.Add(new FrontMatterField(key.Value, isNull ? null : scalar.Value, keyLocation));
                continue;
            }

            // A sequence or mapping value (e.g. "title: [Brief Title]", which YAML reads as a list):
            // keep its source text so placeholders stay visible.
            var start = parser.Current!.Start.Index;
            var end = SkipNode(parser, baseOffset, source, diagnostics);
            if (end < 0)
            {
                return;
            }
            // YamlDotNet's end mark of a flow collection stops before its closing bracket.
            while (end < yaml.Length && yaml[(int)end] is ']' or '}')
            {
                end++;
            }
            fields.Add(new FrontMatterField(key.Value, yaml[(int)start..(int)end].Trim(), keyLocation));
        }
    }

    /// <summary>Skips one nested node, refusing aliases; returns the end index, or -1 after reporting an alias.</summary>
    private static long SkipNode(IParser parser, int baseOffset, SourceText source, DiagnosticBag diagnostics)
    {
        var depth = 0;
        long end = 0;
        do
        {
            var current = parser.Current!;
            if (current is AnchorAlias || (current is NodeEvent node && !node.Anchor.IsEmpty))
            {
                diagnostics.Add(DiagnosticCatalog.FrontMatterAlias, source.At(baseOffset + (int)current.Start.Index));
                return -1;
            }
            depth += current.NestingIncrease;
            end = current.End.Index;
            parser.MoveNext();
        }
        while (depth > 0);
        return end;
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
