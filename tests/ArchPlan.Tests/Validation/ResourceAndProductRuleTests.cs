using ArchPlan.Diagnostics;
using ArchPlan.Model;
using ArchPlan.Validation.Rules;
using static ArchPlan.Tests.Validation.TestPlans;

namespace ArchPlan.Tests.Validation;

public sealed class ProductRuleTests
{
    [Fact]
    public void Reports_a_plan_with_no_product_at_the_front_matter()
    {
        var diagnostic = Assert.Single(Run(new ProductRule(), Plan(product: null)));

        Assert.Equal("AP2018", diagnostic.Id);
        Assert.True(diagnostic.IsError);
        Assert.Equal(At(1), diagnostic.Location);
        Assert.Contains("product:", diagnostic.Help, StringComparison.Ordinal);
        Assert.Contains("apps/<product>/infra/cdk/", diagnostic.Help, StringComparison.Ordinal);
        Assert.Contains("--product", diagnostic.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_a_missing_product_against_the_file_when_there_is_no_front_matter()
    {
        var plan = Plan(product: null) with { FrontMatter = FrontMatter.Missing(PlanFile) };

        Assert.Equal(SourceLocation.OfFile(PlanFile), Assert.Single(Run(new ProductRule(), plan)).Location);
    }

    [Fact]
    public void Reports_a_product_key_without_a_single_value_at_the_key()
    {
        var plan = Plan(product: null, frontMatter: [Field("product", null, 6)]);

        var diagnostic = Assert.Single(Run(new ProductRule(), plan));

        Assert.Equal("AP2024", diagnostic.Id);
        Assert.Equal(At(6), diagnostic.Location);
    }

    [Fact]
    public void Suggests_a_slug_close_to_the_product_written()
    {
        var diagnostic = Assert.Single(Run(new ProductRule(), Plan(product: "Game Hub")));

        Assert.Contains("'game-hub'", diagnostic.Help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acme")]
    [InlineData("acme-games")]
    [InlineData("a")]
    [InlineData("web3")]
    public void Accepts_lowercase_slugs(string product)
    {
        Assert.Empty(Run(new ProductRule(), Plan(product: product)));
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("A/B")]
    [InlineData("Acme")]
    [InlineData("acme-")]
    [InlineData("-acme")]
    [InlineData("acme games")]
    [InlineData("acme.")]
    [InlineData("..")]
    [InlineData("c:")]
    [InlineData("con")]
    [InlineData("nul")]
    [InlineData("acme\\web")]
    public void Reports_slugs_that_could_leave_apps_or_break_a_path(string product)
    {
        var diagnostic = Assert.Single(Run(new ProductRule(), Plan(product: product)));

        Assert.Equal("AP2019", diagnostic.Id);
        Assert.Equal(At(2), diagnostic.Location);
    }
}
