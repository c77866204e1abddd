using ArchPlan.Validation;

namespace ArchPlan.Tests.Validation;

public sealed class MarkdownRegionsTests
{
    [Fact]
    public void Excludes_text_inside_a_link_after_a_code_span_it_contains()
    {
        // The link starts first and ends last: the code span inside it must not hide it.
        const string text = "See [the `docs` for more words](http://docs.example) after.\n";
        var regions = MarkdownRegions.TryCreate(text)!;

        Assert.True(regions.IsExcluded(text.IndexOf("more", StringComparison.Ordinal), 4));
        Assert.True(regions.IsExcluded(text.IndexOf("docs`", StringComparison.Ordinal), 4));
        Assert.False(regions.IsExcluded(text.IndexOf("after", StringComparison.Ordinal), 5));
        Assert.False(regions.IsExcluded(0, 3));
    }

    [Fact]
    public void Tells_excluded_from_prose_across_many_regions()
    {
        var lines = Enumerable.Range(0, 2000).Select(i => i % 3 == 0 ? $"`code {i}` prose {i}" : $"prose {i} [link](http://x.example/{i})");
        var text = string.Join("\n\n", lines) + "\n";
        var regions = MarkdownRegions.TryCreate(text)!;

        var offset = 0;
        foreach (var line in lines)
        {
            var prose = line.IndexOf("prose", StringComparison.Ordinal);
            Assert.False(regions.IsExcluded(offset + prose, 5));
            var excluded = line.IndexOfAny(['`', '[']);
            Assert.True(regions.IsExcluded(offset + excluded + 1, 2));
            offset += line.Length + 2;
        }
    }
}
