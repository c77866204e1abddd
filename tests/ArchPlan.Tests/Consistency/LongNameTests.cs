using ArchPlan.Cli;
using ArchPlan.Tests.Support;
using static ArchPlan.Tests.Consistency.ConsistencyPlans;

namespace ArchPlan.Tests.Consistency;

/// <summary>A name longer than AWS allows is reported as too long, not cut into another name that then collides.</summary>
public sealed class LongNameTests
{
    [Fact]
    public void Two_long_names_sharing_their_first_words_are_each_reported_as_too_long()
    {
        using var temp = new TempFolder();
        var shared = string.Join('-', Enumerable.Repeat("orders-intake-nightly-export", 5));
        var first = shared + "-for-the-eu-region";
        var second = shared + "-for-the-us-region";
        var plan = temp.File("plan.md", Plan($"- **SQS Queue** `{first}` — exports\n- **SQS Queue** `{second}` — exports"));

        var result = CliRunner.Run("check", plan);

        Assert.DoesNotContain("AP1304", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("used twice", result.Out, StringComparison.Ordinal);
        Assert.Contains($"{plan}(15,1): warning AP2076: the SQS queue name '", result.Out, StringComparison.Ordinal);
        Assert.Contains($"' is {first.Length} characters long; AWS allows at most 80", result.Out, StringComparison.Ordinal);
        Assert.Contains($"{plan}(16,1): warning AP2076:", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_within_the_limit_of_its_kind_is_not_reported()
    {
        using var temp = new TempFolder();
        var plan = temp.File("plan.md", Plan($"- **SNS Topic** `{new string('a', 200)}` — alerts"));

        var result = CliRunner.Run("check", plan);

        Assert.DoesNotContain("AP2076", result.Out, StringComparison.Ordinal);
    }
}
