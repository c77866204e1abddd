using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Diagram;
using ArchPlan.Reading;

namespace ArchPlan.Tests.Diagram;

/// <summary>Where the diagram goes in a plan and what else changes (nothing).</summary>
public sealed class DiagramSplicerTests
{
    private static readonly DiagramModel Small = new()
    {
        Nodes = new[]
        {
            new DiagramNode("fn_Worker", "orders-worker", "Lambda function", DiagramCategory.Compute, null),
            new DiagramNode("table_Orders", "orders", "DynamoDB table", DiagramCategory.DataStore, null),
        }.ToEquatableArray(),
        Edges = new[] { new DiagramEdge("fn_Worker", "table_Orders", "reads") }.ToEquatableArray(),
    };

    private const string HandDrawn = """
        # Orders

        ## Overview

        Orders come in.

        ## Architecture Diagram

        Hand-drawn, with odd spacing:

        ```mermaid
        graph TD
           A[orders-worker]   -->   B[(orders)]
        ```

        **Design Notes:**

        - Keep it small.

        ---

        ## Infrastructure (CDK/Terraform)

        ### AWS Resources

        - **orders-worker** — Lambda function (Node.js 20)
        - **orders** — DynamoDB table, partition key `id` (string)

        """;

    private static string Splice(string text, DiagramModel? model = null, string path = "plan.md")
    {
        var result = DiagramSplicer.Splice(text, path, model ?? Small);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Value!;
    }

    [Fact]
    public void Puts_the_diagram_after_a_hand_drawn_one_and_leaves_every_other_byte()
    {
        var written = Splice(HandDrawn);

        var block = DiagramSplicer.Render(Small) + "\n\n";
        var at = written.IndexOf(block, StringComparison.Ordinal);
        Assert.True(at > 0);
        Assert.Equal(HandDrawn, written.Remove(at, block.Length));
        Assert.True(at > HandDrawn.IndexOf("A[orders-worker]", StringComparison.Ordinal));
        Assert.True(at < written.IndexOf("**Design Notes:**", StringComparison.Ordinal));
        Assert.Contains("fn_Worker -->|\"reads\"| table_Orders", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Replaces_only_what_lies_between_the_markers_and_changes_nothing_when_current()
    {
        var written = Splice(HandDrawn);
        Assert.Equal(written, Splice(written));

        var bigger = Small with { Edges = Small.Edges.Append(new DiagramEdge("table_Orders", "fn_Worker", "triggers")).ToEquatableArray() };
        var updated = Splice(written, bigger);
        var start = written.IndexOf(DiagramMarkers.Start, StringComparison.Ordinal);
        var end = written.IndexOf(DiagramMarkers.End, StringComparison.Ordinal) + DiagramMarkers.End.Length;
        Assert.Equal(written[..start], updated[..start]);
        Assert.Equal(written[end..], updated[(updated.IndexOf(DiagramMarkers.End, StringComparison.Ordinal) + DiagramMarkers.End.Length)..]);
        Assert.Contains("table_Orders -->|\"triggers\"| fn_Worker", updated, StringComparison.Ordinal);
    }

    [Fact]
    public void Ends_an_architecture_section_without_a_diagram_before_its_closing_rule()
    {
        var plan = HandDrawn.Replace("""
            ```mermaid
            graph TD
               A[orders-worker]   -->   B[(orders)]
            ```


            """, "", StringComparison.Ordinal);

        var written = Splice(plan);

        Assert.Contains("- Keep it small.\n\n" + DiagramSplicer.Render(Small) + "\n\n---\n", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Puts_the_diagram_after_ascii_art_too()
    {
        var plan = "## Architecture\n\n```text\n[api] ---> [worker]\n  |\n  v\n[table]\n```\n\nText after.\n";

        var written = Splice(plan);

        Assert.Equal("## Architecture\n\n```text\n[api] ---> [worker]\n  |\n  v\n[table]\n```\n\n" + DiagramSplicer.Render(Small) + "\n\nText after.\n", written);
    }

    [Fact]
    public void Adds_an_architecture_section_after_the_overview_with_a_warning_when_the_plan_has_none()
    {
        var plan = HandDrawn[..HandDrawn.IndexOf("## Architecture Diagram", StringComparison.Ordinal)]
            + HandDrawn[HandDrawn.IndexOf("## Infrastructure", StringComparison.Ordinal)..];

        var result = DiagramSplicer.Splice(plan, "plan.md", Small);

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.DiagramSectionAdded, warning.Descriptor);
        Assert.Contains("after 'Overview'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Orders come in.\n\n## Architecture Diagram\n\n" + DiagramSplicer.Render(Small) + "\n\n## Infrastructure", result.Value!, StringComparison.Ordinal);
        Assert.Equal(result.Value, Splice(result.Value!));
    }

    [Fact]
    public void Appends_the_section_to_a_plan_without_headings_and_says_so()
    {
        var result = DiagramSplicer.Splice("Just words", "plan.md", Small);

        Assert.Equal("Just words\n\n## Architecture Diagram\n\n" + DiagramSplicer.Render(Small) + "\n", result.Value);
        Assert.Contains("at the end of the plan", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!-- archplan:diagram:start -->\n\nx\n", "has no end marker")]
    [InlineData("<!-- archplan:diagram:end -->\n\nx\n", "has no start marker")]
    [InlineData("<!-- archplan:diagram:end -->\n\n<!-- archplan:diagram:start -->\n", "comes before the start marker")]
    [InlineData("<!-- archplan:diagram:start -->\n\n<!-- archplan:diagram:start -->\n\n<!-- archplan:diagram:end -->\n", "2 diagram start markers (lines 3, 5)")]
    [InlineData("- item\n\n  <!-- archplan:diagram:start -->\n\n  <!-- archplan:diagram:end -->\n", "inside a list or quote")]
    public void Refuses_markers_that_do_not_pair_and_changes_nothing(string body, string message)
    {
        var plan = "## Architecture\n\n" + body;

        var result = DiagramSplicer.Splice(plan, "plan.md", Small);

        Assert.Equal(plan, result.Value);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.DiagramMarkerUnpaired, error.Descriptor);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Markers_shown_in_a_code_block_are_not_markers()
    {
        var plan = "## Architecture\n\n```markdown\n<!-- archplan:diagram:start -->\n```\n";

        var written = Splice(plan);

        Assert.StartsWith(plan, written, StringComparison.Ordinal);
        Assert.EndsWith(DiagramSplicer.Render(Small) + "\n", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_crlf_line_endings_and_is_current_the_second_time()
    {
        var crlf = HandDrawn.Replace("\n", "\r\n", StringComparison.Ordinal);

        var written = Splice(crlf);

        Assert.DoesNotContain("\n", written.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(DiagramSplicer.Render(Small, "\r\n"), written, StringComparison.Ordinal);
        Assert.Equal(written, Splice(written));
    }

    [Fact]
    public void The_reader_does_not_take_the_generated_diagram_as_the_plans_word()
    {
        // The plan relates nothing; the generated diagram says the worker reads the table. Read as the plan's own
        // Mermaid, that arrow would become a link (and a grant in the generated app).
        var plan = HandDrawn.Replace("   A[orders-worker]   -->   B[(orders)]", "   A[orders-worker]", StringComparison.Ordinal);
        var written = Splice(plan);
        var asPlanMermaid = written.Replace(DiagramMarkers.Start, "", StringComparison.Ordinal).Replace(DiagramMarkers.End, "", StringComparison.Ordinal);

        Assert.Equal(["orders-worker: ", "orders: "], Links(plan));
        Assert.Equal(Links(plan), Links(written));
        Assert.NotEqual(Links(plan), Links(asPlanMermaid));
    }

    private static List<string> Links(string text) =>
        [.. PlanReader.Parse(text, "plan.md").Value!.Resources.Select(r => r.Name + ": " + string.Join(", ", r.Links.Select(l => $"{l.Kind} {l.Target} {l.Access}")))];
}
