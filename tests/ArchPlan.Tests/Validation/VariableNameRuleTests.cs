using ArchPlan.Validation.Rules;
using static ArchPlan.Tests.Validation.TestPlans;

namespace ArchPlan.Tests.Validation;

public sealed class VariableNameRuleTests
{
    [Theory]
    [InlineData("DATABASE_URL")]
    [InlineData("A1")]
    [InlineData("S3_BUCKET_2")]
    public void Accepts_upper_case_names_Lambda_takes(string name)
    {
        var plan = Plan(resources: [Lambda("snapshot")], variables: [Variable(name, "x")]);

        Assert.Empty(Run(new VariableNameRule(), plan));
    }

    [Theory]
    [InlineData("db_host")]
    [InlineData("FeatureFlag")]
    public void Warns_only_about_lower_case_names(string name)
    {
        var plan = Plan(resources: [Lambda("snapshot"), Fargate("web")], variables: [Variable(name, "x")]);

        var diagnostic = Assert.Single(Run(new VariableNameRule(), plan));

        Assert.Equal("AP2023", diagnostic.Id);
        Assert.False(diagnostic.IsError);
    }

    [Fact]
    public void Shows_invisible_characters_in_a_name_escaped()
    {
        var plan = Plan(resources: [Lambda("snapshot")], variables: [Variable("CART\u200BMODE", "x")]);

        var diagnostic = Assert.Single(Run(new VariableNameRule(), plan));

        Assert.Equal("AP2006", diagnostic.Id);
        Assert.Equal("'CART<U+200B>MODE' is not a valid Lambda environment variable name", diagnostic.Message);
    }

    [Theory]
    [InlineData("DB-HOST")]
    [InlineData("1ST_VAR")]
    [InlineData("X")]
    [InlineData("db.host")]
    [InlineData("MY VAR")]
    [InlineData("_PRIVATE")]
    public void Reports_names_Lambda_rejects_as_errors(string name)
    {
        var plan = Plan(resources: [Lambda("snapshot")], variables: [Variable(name, "x", line: 33)]);

        var diagnostic = Assert.Single(Run(new VariableNameRule(), plan));

        Assert.Equal("AP2006", diagnostic.Id);
        Assert.True(diagnostic.IsError);
        Assert.Equal((33, 3), (diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void Leaves_reserved_names_to_the_reserved_name_rule()
    {
        var plan = Plan(resources: [Lambda("snapshot")], variables: [Variable("_HANDLER", "x")]);

        Assert.Empty(Run(new VariableNameRule(), plan));
    }

    [Fact]
    public void Warns_about_names_no_shell_can_read_when_no_Lambda_gets_them()
    {
        var plan = Plan(
            resources: [Lambda("snapshot"), Fargate("web")],
            variables: [Variable("DB-HOST", "x", 30, "web"), Variable("_PRIVATE", "y", 31, "web")]);

        var diagnostic = Assert.Single(Run(new VariableNameRule(), plan));

        Assert.Equal("AP2007", diagnostic.Id);
        Assert.False(diagnostic.IsError);
        Assert.Contains("DB-HOST", diagnostic.Message, StringComparison.Ordinal);
    }
}
