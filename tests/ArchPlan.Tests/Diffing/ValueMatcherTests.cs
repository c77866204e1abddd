using ArchPlan.Diffing;

namespace ArchPlan.Tests.Diffing;

public sealed class ValueMatcherTests
{
    [Theory]
    [InlineData("info", "info")]
    [InlineData("`info`", "info")]
    [InlineData("\"info\"", "info")]
    [InlineData("INFO", "info")]
    [InlineData("true", "True")]
    [InlineData("30", "30.0")]
    [InlineData("0.5", ".5")]
    [InlineData("30 (seconds)", "30")]
    [InlineData("us-east-1 — N. Virginia", "us-east-1")]
    [InlineData("a, b, c", "a,b,c")]
    [InlineData("orders-{stage}", "orders-prod")]
    [InlineData("https://<host>/hooks", "https://api.example.com/hooks")]
    [InlineData("arn:aws:sns:...:alerts", "arn:aws:sns:eu-west-1:123456789012:alerts")]
    public void Values_people_write_for_the_same_setting_match(string plan, string infra)
    {
        Assert.True(ValueMatcher.Matches(plan, infra));
    }

    [Theory]
    [InlineData("BITBUCKET", "GITHUB")]
    [InlineData("info", "debug")]
    [InlineData("10", "50")]
    [InlineData("true", "false")]
    [InlineData("*", "https://shop.example.com")]
    [InlineData("https://api.example.com", "https://api.example.org")]
    [InlineData("eu-west-1", "eu-west-1a")]
    [InlineData("Info", "Inform")]
    [InlineData("v1.2", "V1.2")]
    public void Different_values_do_not_match(string plan, string infra)
    {
        Assert.False(ValueMatcher.Matches(plan, infra));
    }

    [Theory]
    [InlineData("Comma separated list of allowed origins", false)]
    [InlineData("Same as the bucket name", false)]
    [InlineData("info", true)]
    [InlineData("https://api.example.com", true)]
    [InlineData("Europe/Berlin", true)]
    [InlineData("30 (seconds)", true)]
    [InlineData("``", false)]
    public void Prose_is_not_a_value_to_compare(string plan, bool comparable)
    {
        Assert.Equal(comparable, ValueMatcher.IsComparable(plan));
    }

    [Fact]
    public void Shown_values_never_include_a_credential()
    {
        Assert.Equal("'debug'", ValueMatcher.Show("debug"));
        Assert.Equal("empty", ValueMatcher.Show(""));
        const string key = "AKIAZ7Q4R2L5N3T3VW6Y";
        Assert.NotNull(ArchPlan.Validation.CredentialScanner.Scan(key));
        Assert.DoesNotContain("AKIA", ValueMatcher.Show(key), StringComparison.Ordinal);
        Assert.EndsWith("…'", ValueMatcher.Show(new string('x', 200)), StringComparison.Ordinal);
    }
}
