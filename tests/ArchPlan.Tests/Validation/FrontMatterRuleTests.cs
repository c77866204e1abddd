using ArchPlan.Validation.Rules;
using static ArchPlan.Tests.Validation.TestPlans;

namespace ArchPlan.Tests.Validation;

public sealed class StatusRuleTests
{
    [Theory]
    [InlineData("active")]
    [InlineData("implemented")]
    [InlineData("superseded")]
    [InlineData("Active")]
    [InlineData("active # active → implemented → superseded")]
    public void Accepts_the_three_statuses(string status)
    {
        Assert.Empty(Run(new StatusRule(), Plan(frontMatter: [Field("status", status, 4)])));
    }

    [Fact]
    public void Reports_an_unknown_status_at_its_key()
    {
        var diagnostic = Assert.Single(Run(new StatusRule(), Plan(frontMatter: [Field("status", "draft # comment", 4)])));

        Assert.Equal("AP2002", diagnostic.Id);
        Assert.Equal("plan.md(4,1): error AP2002: Status 'draft' is not one of active, implemented, superseded", diagnostic.ToString());
    }

    [Fact]
    public void Says_nothing_when_the_plan_has_no_status()
    {
        Assert.Empty(Run(new StatusRule(), Plan()));
    }
}

public sealed class DateRuleTests
{
    [Theory]
    [InlineData("2025-03-14")]
    [InlineData("2024-02-29")]
    [InlineData("YYYY-MM-DD")]
    public void Accepts_a_calendar_date_and_leaves_the_placeholder_to_AP2001(string date)
    {
        Assert.Empty(Run(new DateRule(), Plan(frontMatter: [Field("date", date, 3)])));
    }

    [Theory]
    [InlineData("2025-02-30")]
    [InlineData("14/03/2025")]
    [InlineData("2025-3-14")]
    [InlineData("March 2025")]
    [InlineData("2025-03-14T10:00:00Z")]
    public void Reports_a_date_that_is_not_YYYY_MM_DD(string date)
    {
        var diagnostic = Assert.Single(Run(new DateRule(), Plan(frontMatter: [Field("date", date, 3)])));

        Assert.Equal("AP2003", diagnostic.Id);
        Assert.Equal(3, diagnostic.Location.Line);
        Assert.Contains(date, diagnostic.Message, StringComparison.Ordinal);
    }
}
