using ArchPlan.Reading;

namespace ArchPlan.Tests.Reading;

public sealed class EnvironmentNamesTests
{
    [Theory]
    [InlineData("dev", "dev", "dev")]
    [InlineData("Production", "production", "prod")]
    [InlineData("`staging`", "staging", "staging")]
    [InlineData("Staging environment", "staging", "staging")]
    [InlineData("prod value", "prod", "prod")]
    [InlineData("QA", "qa", "qa")]
    [InlineData("Owner", null, null)]
    [InlineData("", null, null)]
    public void Keeps_the_plan_spelling_and_knows_the_canonical_one(string word, string? name, string? canonical)
    {
        Assert.Equal(name, EnvironmentNames.Name(word));
        Assert.Equal(canonical, EnvironmentNames.Canonical(word));
    }

    [Theory]
    [InlineData("Production", "production")]
    [InlineData("Environment Variables (staging)", "staging")]
    [InlineData("Environment Variables", null)]
    [InlineData("API", null)]
    public void Finds_the_environment_a_heading_names(string heading, string? environment) =>
        Assert.Equal(environment, EnvironmentNames.InHeading(heading));
}
