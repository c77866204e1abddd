using ArchPlan.Diagnostics;
using ArchPlan.Validation;
using ArchPlan.Validation.Rules;
using static ArchPlan.Tests.Validation.TestPlans;

namespace ArchPlan.Tests.Validation;

public sealed class PlaceholderRuleTests
{
    [Fact]
    public void Reports_each_unfilled_placeholder_at_its_line_and_column()
    {
        const string text = """
            ---
            title: [Brief Title]
            date: YYYY-MM-DD
            status: active
            ---

            # Snapshot service

            [High-level description of what this architecture implements]

            | Resource | Cost |
            | -------- | ---- |
            | Lambda   | $X   |
            """;

        var diagnostics = Run(new PlaceholderRule(), Plan(), text);

        Assert.Equal(
            [
                "plan.md(2,8): error AP2001: '[Brief Title]' is a placeholder from the plan template that was not filled in",
                "plan.md(3,7): error AP2001: 'YYYY-MM-DD' is a placeholder from the plan template that was not filled in",
                "plan.md(9,1): error AP2001: '[High-level description of what this architecture implements]' is a placeholder from the plan template that was not filled in",
                "plan.md(13,14): error AP2001: '$X' is a placeholder from the plan template that was not filled in",
            ],
            diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Passes_a_plan_with_its_own_text()
    {
        const string text = """
            ---
            title: Leaderboard snapshot
            date: 2025-03-14
            ---

            # Leaderboard snapshot

            Dates are written YYYY-MM-DD everywhere. It costs $5 a month.
            """;

        Assert.Empty(Run(new PlaceholderRule(), Plan(), text));
    }

    [Fact]
    public void Leaves_code_links_and_checkboxes_alone()
    {
        const string text = """
            # Plan

            See [Name](https://example.com/name) and [Description][ref].

            - [ ] Prerequisite 1
            - [x] Prerequisite 2

            Use `[Name]` in prose code, and `$X` too.

            ```mermaid
            graph TD
                A[Component A] --> B[Description]
            ```

            ```
            apps/[product]/infra/cdk/
            ```

                [Target] in an indented code block

            <!-- [Brief Title] -->

            [ref]: https://example.com
            """;

        Assert.Empty(Run(new PlaceholderRule(), Plan(), text));
    }

    [Fact]
    public void Reports_a_placeholder_left_in_a_table_cell()
    {
        const string text = """
            | Column | Description   |
            | ------ | ------------- |
            | `id`   | [Description] |
            """;

        var diagnostic = Assert.Single(Run(new PlaceholderRule(), Plan(), text));
        Assert.Equal(new SourceLocation(PlanFile, 3, 12, text.IndexOf("[Description]", StringComparison.Ordinal), 13), diagnostic.Location);
    }

    [Fact]
    public void Reports_a_placeholder_followed_by_a_colon_in_prose_but_not_a_link_definition()
    {
        var diagnostic = Assert.Single(Run(new PlaceholderRule(), Plan(), "Owner [Your Name]: on call\n"));
        Assert.Equal((1, 7), (diagnostic.Location.Line, diagnostic.Location.Column));

        Assert.Empty(Run(new PlaceholderRule(), Plan(), "See the owner.\n\n[Your Name]: https://example.com/me\n"));
    }

    [Fact]
    public void Reports_YYYY_MM_DD_only_in_the_front_matter()
    {
        const string text = "---\r\ndate: YYYY-MM-DD\r\n---\r\n\r\nThe export file is named YYYY-MM-DD.csv.\r\n";

        var diagnostic = Assert.Single(Run(new PlaceholderRule(), Plan(), text));
        Assert.Equal((2, 7), (diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void Finds_every_placeholder_when_the_template_itself_is_checked()
    {
        var template = TemplatePlaceholders.ReadTemplate();

        var reported = Run(new PlaceholderRule(), Plan(), template).Select(d => d.Message).ToList();

        Assert.Contains(reported, m => m.StartsWith("'[Brief Title]'", StringComparison.Ordinal));
        Assert.Contains(reported, m => m.StartsWith("'[Your Name]'", StringComparison.Ordinal));
        Assert.Contains(reported, m => m.StartsWith("'YYYY-MM-DD'", StringComparison.Ordinal));
        Assert.Contains(reported, m => m.StartsWith("'$Z'", StringComparison.Ordinal));
        Assert.DoesNotContain(reported, m => m.Contains("[product]", StringComparison.Ordinal) || m.Contains("[Component A]", StringComparison.Ordinal));
    }
}

public sealed class TemplatePlaceholdersTests
{
    [Fact]
    public void Reads_placeholders_from_the_embedded_template_outside_code_and_links()
    {
        IEnumerable<string> brackets = TemplatePlaceholders.Brackets;

        Assert.Contains("Brief Title", brackets);
        Assert.Contains("Architecture Plan Title", brackets);
        Assert.Contains("High-level description of what this architecture implements", brackets);
        Assert.Contains("Phase Name", brackets);
        Assert.DoesNotContain("product", brackets);
        Assert.DoesNotContain("Component A", brackets);
        Assert.DoesNotContain("Architecture Diagram", brackets);
        Assert.DoesNotContain(" ", brackets);
        Assert.Equal(["$X", "$Y", "$Z"], TemplatePlaceholders.Amounts.Order());
    }
}
