using ArchPlan.Validation.Rules;
using static ArchPlan.Tests.Validation.TestPlans;

namespace ArchPlan.Tests.Validation;

public sealed class SecretNameRuleTests
{
    [Theory]
    [InlineData("acme/db/credentials")]
    [InlineData("[product]/db/credentials")]
    [InlineData("prod_api+key=v1.0@acme")]
    [InlineData("acme/db-creds")]
    [InlineData("acme/api-google/key")]
    public void Accepts_names_Secrets_Manager_takes(string name)
    {
        Assert.Empty(Run(new SecretNameRule(), Plan(secrets: [Secret(name)])));
    }

    [Theory]
    [InlineData("acme db credentials")]
    [InlineData("acme/db#1")]
    [InlineData("acme/clé")]
    [InlineData("")]
    public void Reports_names_with_characters_Secrets_Manager_rejects(string name)
    {
        var diagnostic = Assert.Single(Run(new SecretNameRule(), Plan(secrets: [Secret(name, line: 44)])));

        Assert.Equal("AP2011", diagnostic.Id);
        Assert.Equal(44, diagnostic.Location.Line);
    }

    [Fact]
    public void Reports_names_over_512_characters()
    {
        Assert.Equal("AP2011", Assert.Single(Run(new SecretNameRule(), Plan(secrets: [Secret(new string('a', 513))]))).Id);
    }

    [Theory]
    [InlineData("acme/db-secret", "secret")]
    [InlineData("api-google", "google")]
    [InlineData("acme/key-a1B2c3", "a1B2c3")]
    public void Rejects_names_ending_like_an_ARN_suffix(string name, string ending)
    {
        var diagnostic = Assert.Single(Run(new SecretNameRule(), Plan(secrets: [Secret(name)])));

        // An error since issue 10: the generated app imports the secret by name and its reads fail at run time (aws-cdk #27530).
        Assert.Equal("AP2012", diagnostic.Id);
        Assert.True(diagnostic.IsError);
        Assert.Contains($"'-{ending}'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rds!db-0f2a4c1e-8b7d-4c3a-9e21-6f5d4b3a2c10")]
    [InlineData("rds!cluster-0f2a4c1e-8b7d-4c3a-9e21-6f5d4b3a2c10")]
    public void Rejects_AWS_managed_secrets_with_their_own_reason(string name)
    {
        var diagnostic = Assert.Single(Run(new SecretNameRule(), Plan(secrets: [Secret(name)])));

        Assert.Equal("AP2013", diagnostic.Id);
        Assert.True(diagnostic.IsError);
        Assert.Contains("RDS", diagnostic.Help, StringComparison.Ordinal);
    }
}
