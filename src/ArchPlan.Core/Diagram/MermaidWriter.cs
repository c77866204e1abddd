using System.Text;

namespace ArchPlan.Diagram;

/// <summary>Writes a <see cref="DiagramModel"/> as a Mermaid <c>flowchart</c>: the same model gives the same bytes.</summary>
public static class MermaidWriter
{
    /// <summary>The flowchart's lines (without the code fence), joined with <paramref name="newline"/> and ending with one.</summary>
    public static string Write(DiagramModel model, string newline = "\n")
    {
        var lines = new List<string> { "flowchart LR" };
        if (model.Nodes.Count == 0)
        {
            lines.Add("  empty[\"The infrastructure holds no resources to draw\"]");
        }
        else if (model.Stacks.Count == 0)
        {
            lines.AddRange(model.Nodes.Select(n => "  " + Node(n)));
        }
        else
        {
            foreach (var stack in model.Stacks)
            {
                lines.Add($"  subgraph {stack.Id}[\"{Escape(stack.Title)}\"]");
                lines.AddRange(model.Nodes.Where(n => n.Stack == stack.Id).Select(n => "    " + Node(n)));
                lines.Add("  end");
            }
        }
        lines.AddRange(model.Edges.Select(e => $"  {e.From} -->|\"{Escape(e.Label)}\"| {e.To}"));
        return string.Join(newline, lines) + newline;
    }

    private static string Node(DiagramNode node)
    {
        var label = $"\"{Escape(node.Name)}<br/>{Escape(node.Kind)}\"";
        return node.Category switch
        {
            DiagramCategory.Api => $"{node.Id}{{{{{label}}}}}",
            DiagramCategory.Schedule => $"{node.Id}([{label}])",
            DiagramCategory.Queue => $"{node.Id}[/{label}/]",
            DiagramCategory.Topic => $"{node.Id}>{label}]",
            DiagramCategory.DataStore => $"{node.Id}[({label})]",
            DiagramCategory.Secret => $"{node.Id}[[{label}]]",
            DiagramCategory.Compute => $"{node.Id}[{label}]",
            _ => $"{node.Id}({label})",
        };
    }

    /// <summary>
    /// Text made safe inside a quoted Mermaid label: characters that end a label, a shape or an edge label (quotes,
    /// brackets, braces, pipes), start markup (<c>&lt;</c>, <c>&gt;</c>, backticks, <c>&amp;</c>) or an entity (<c>#</c>),
    /// or a comment (<c>%</c>) are written as Mermaid entity codes; control characters are dropped.
    /// </summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is '\n' or '\r' or '\t')
            {
                builder.Append(' ');
                continue;
            }
            if (Validation.Shown.IsHidden(rune.Value))
            {
                continue;
            }
            builder.Append(rune.Value switch
            {
                '"' => "#quot;",
                '#' => "#35;",
                '|' => "#124;",
                '[' => "#91;",
                ']' => "#93;",
                '{' => "#123;",
                '}' => "#125;",
                '<' => "#lt;",
                '>' => "#gt;",
                '&' => "#amp;",
                '`' => "#96;",
                '%' => "#37;",
                _ => rune.ToString(),
            });
        }
        return builder.ToString();
    }
}
