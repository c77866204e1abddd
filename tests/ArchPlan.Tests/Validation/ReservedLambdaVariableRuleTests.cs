using ArchPlan.Validation.Rules;
using static ArchPlan.Tests.Validation.TestPlans;

namespace ArchPlan.Tests.Validation;

public sealed class ReservedLambdaVariableRuleTests
{
    [Theory]
    [InlineData("_HANDLER")]
    [InlineData("_X_AMZN_TRACE_ID")]
    [InlineData("AWS_REGION")]
    [InlineData("AWS_DEFAULT_REGION")]
    [InlineData("AWS_EXECUTION_ENV")]
    [InlineData("AWS_LAMBDA_FUNCTION_NAME")]
    [InlineData("AWS_LAMBDA_RUNTIME_API")]
    [InlineData("AWS_ACCESS_KEY")]
    [InlineData("AWS_ACCESS_KEY_ID")]
    [InlineData("AWS_SECRET_ACCESS_KEY")]
    [InlineData("AWS_SESSION_TOKEN")]
    [InlineData("LAMBDA_TASK_ROOT")]
    [InlineData("LAMBDA_RUNTIME_DIR")]
    public void Reports_names_the_Lambda_runtime_sets(string name)
    {
        var plan = Plan(resources: [Lambda("snapshot")], variables: [Variable(name, "x", line: 34)]);

        var diagnostic = Assert.Single(Run(new ReservedLambdaVariableRule(), plan));

        Assert.Equal("AP2008", diagnostic.Id);
        Assert.Equal(34, diagnostic.Location.Line);
    }

    [Fact]
    public void Reports_TZ_under_its_own_id()
    {
        var plan = Plan(resources: [Lambda("snapshot")], variables: [Variable("TZ", "Europe/Paris")]);

        var diagnostic = Assert.Single(Run(new ReservedLambdaVariableRule(), plan));

        Assert.Equal("AP2009", diagnostic.Id);
        Assert.Contains("deployment then fails", diagnostic.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void Allows_reserved_names_on_Fargate_and_ordinary_names_on_Lambda()
    {
        var plan = Plan(
            resources: [Lambda("snapshot"), Fargate("web")],
            variables: [Variable("AWS_REGION", "eu-west-1", 30, "web"), Variable("TZ", "UTC", 31, "web"), Variable("AWS_REGION_NAME", "x", 32)]);

        Assert.Empty(Run(new ReservedLambdaVariableRule(), plan));
    }

    [Fact]
    public void Allows_reserved_names_in_a_plan_without_Lambda()
    {
        var plan = Plan(resources: [Fargate("web")], variables: [Variable("AWS_REGION", "eu-west-1")]);

        Assert.Empty(Run(new ReservedLambdaVariableRule(), plan));
    }
}
