using ArchPlan.Generation.Output;

namespace ArchPlan.Tests.Generation.Output;

public sealed class ProductSlugTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("shop")]
    [InlineData("acme-shop-2")]
    [InlineData("9lives")]
    [InlineData("console")]
    [InlineData("com10")]
    public void Accepts_lowercase_letters_digits_and_inner_hyphens(string slug)
    {
        Assert.True(ProductSlug.IsValid(slug));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("C:")]
    [InlineData("\\\\server\\share")]
    [InlineData("con")]
    [InlineData("CON")]
    [InlineData("nul")]
    [InlineData("com1")]
    [InlineData("lpt9")]
    [InlineData("x.")]
    [InlineData("a.b")]
    [InlineData("-shop")]
    [InlineData("shop-")]
    [InlineData("Shop")]
    [InlineData("shop\n")]
    [InlineData("sh op")]
    [InlineData("şhop")]
    public void Refuses_anything_that_is_not_a_plain_folder_name(string? slug)
    {
        Assert.False(ProductSlug.IsValid(slug));
    }
}
