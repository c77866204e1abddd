using System.Text;
using ArchPlan.Reading;
using static ArchPlan.Tests.Reading.ReadingAssertions;

namespace ArchPlan.Tests.Reading;

/// <summary>The front matter as PlanReader reads it (FrontMatterReader is reached through the reader, as in use).</summary>
public sealed class FrontMatterReaderTests
{
    private const string Body = "\n# Title\n\n## Overview\n\nText.\n";

    [Fact]
    public void Reads_every_key_as_a_string_with_its_plan_line()
    {
        var (plan, diagnostics) = Parse("---\ntitle: Orders\ndate: 2026-11-01\nstatus: active # active → implemented\nversion: 1.10\nenabled: no\nproduct: orders\n---\n" + Body);

        Assert.Equal(["title=Orders@2", "date=2026-11-01@3", "status=active@4", "version=1.10@5", "enabled=no@6", "product=orders@7"], Fields(plan.FrontMatter));
        Assert.True(plan.FrontMatter.IsPresent);
        Assert.Equal("Orders", plan.FrontMatter.Title);
        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("AP10", StringComparison.Ordinal));
    }

    [Fact]
    public void Reports_a_duplicate_key_with_both_lines()
    {
        var (plan, diagnostics) = Parse("---\ntitle: First\nauthor: Ana\ntitle: Second\n---\n" + Body);

        var duplicate = Assert.Single(diagnostics, d => d.Id == "AP1005");
        Assert.Equal(4, duplicate.Location.Line);
        Assert.Contains("line 2", duplicate.Message, StringComparison.Ordinal);
        Assert.Equal("Second", plan.FrontMatter.Title);
    }

    [Fact]
    public void Keeps_a_bracketed_placeholder_title_as_text()
    {
        var (plan, diagnostics) = Parse("---\ntitle: [Brief Title]\nauthor: [Your Name]\n---\n" + Body);

        Assert.Equal("[Brief Title]", plan.FrontMatter.Title);
        Assert.Equal("[Your Name]", plan.FrontMatter.Author);
        Assert.DoesNotContain(diagnostics, d => d.Id is "AP1004" or "AP1006");
    }

    [Fact]
    public void Locates_invalid_yaml_at_the_plan_line()
    {
        var (plan, diagnostics) = Parse("---\ntitle: Orders\ndate: 2026-11-01\nauthor: Ana: Souza\n---\n" + Body);

        var invalid = Assert.Single(diagnostics, d => d.Id == "AP1004");
        Assert.Equal(4, invalid.Location.Line);
        Assert.True(invalid.IsError);
        Assert.True(plan.FrontMatter.IsPresent);
    }

    [Fact]
    public void Refuses_anchors_and_aliases()
    {
        var (plan, diagnostics) = Parse("---\nbase: &b orders\ntitle: *b\n---\n" + Body);

        var alias = Assert.Single(diagnostics, d => d.Id == "AP1007");
        Assert.Equal(2, alias.Location.Line);
        Assert.Null(plan.FrontMatter.Title);
    }

    [Fact]
    public void Reports_an_unclosed_block()
    {
        var (plan, diagnostics) = Parse("---\ntitle: Orders\nauthor: Ana\n" + Body);

        var unclosed = Assert.Single(diagnostics, d => d.Id == "AP1008");
        Assert.Equal(1, unclosed.Location.Line);
        Assert.Empty(plan.FrontMatter.Fields);
    }

    [Fact]
    public void Reports_a_plan_without_front_matter()
    {
        var (plan, diagnostics) = Parse("\n---\ntitle: Orders\n---\n" + Body);

        Assert.Contains("AP1003@2", Codes(diagnostics));
        Assert.False(plan.FrontMatter.IsPresent);
    }

    [Fact]
    public void Discards_the_whole_block_when_the_yaml_is_invalid()
    {
        var (plan, diagnostics) = Parse("---\ntitle: [Cart API\ndate: 2026-11-01\nproduct: shop\n---\n" + Body);

        var invalid = Assert.Single(diagnostics, d => d.Id == "AP1004");
        Assert.InRange(invalid.Location.Line, 2, 5);
        Assert.Empty(plan.FrontMatter.Fields);
        Assert.Null(plan.Product);
    }

    [Fact]
    public void Refuses_deeply_nested_values_as_invalid_yaml()
    {
        var (plan, diagnostics) = Parse("---\ntitle: Cart\nproduct: shop\ntags: " + new string('[', 5_000) + new string(']', 5_000) + "\n---\n" + Body);

        Assert.Equal(4, Assert.Single(diagnostics, d => d.Id == "AP1004").Location.Line);
        Assert.Null(plan.Product);
    }

    [Fact]
    public void Keeps_the_keys_around_a_refused_alias()
    {
        var (plan, diagnostics) = Parse("---\ntitle: Cart\nbase: &b [a, b]\nother: *b\nproduct: shop\n---\n" + Body);

        Assert.Equal(["AP1007@3"], Codes(diagnostics.Where(d => d.Id.StartsWith("AP100", StringComparison.Ordinal))));
        Assert.Equal("shop", plan.Product);
        Assert.Equal(["title=Cart@2", "product=shop@5"], Fields(plan.FrontMatter));
    }

    [Fact]
    public void Reports_front_matter_that_is_not_a_mapping()
    {
        var (_, diagnostics) = Parse("---\n- title\n- date\n---\n" + Body);

        Assert.Contains(diagnostics, d => d.Id == "AP1006");
    }

    [Fact]
    public void Reads_front_matter_after_a_byte_order_mark_and_warns()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("---\ntitle: Orders\nproduct: orders\n---\n" + Body)).ToArray();

        var result = PlanReader.ReadBytes(bytes, "plan.md");

        Assert.NotNull(result.Value);
        Assert.Equal("Orders", result.Value.FrontMatter.Title);
        Assert.Equal("orders", result.Value.Product);
        var bom = Assert.Single(result.Diagnostics, d => d.Id == "AP1002");
        Assert.Equal(ArchPlan.Diagnostics.Severity.Warning, bom.Severity);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "AP1003");
    }

    [Fact]
    public void Reads_crlf_front_matter()
    {
        var (plan, diagnostics) = Parse("---\r\ntitle: Orders\r\nproduct: orders\r\n---\r\n\r\n# Title\r\n");

        Assert.Equal(["title=Orders@2", "product=orders@3"], Fields(plan.FrontMatter));
        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("AP100", StringComparison.Ordinal));
    }
}
