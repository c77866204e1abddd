using ArchPlan.Diagnostics;

namespace ArchPlan.Tests;

public sealed class SourceLocationTests
{
    [Fact]
    public void Formats_as_compiler_location()
    {
        Assert.Equal("plan.md(3,7)", new SourceLocation("plan.md", 3, 7).ToString());
        Assert.Equal("plan.md", SourceLocation.OfFile("plan.md").ToString());
    }
}
