using ArchPlan.Model;
using ArchPlan.Validation.Rules;
using static ArchPlan.Tests.Validation.TestPlans;

namespace ArchPlan.Tests.Validation;

public sealed class SecretReferenceRuleTests
{
    [Fact]
    public void Warns_when_a_variable_reads_a_secret_and_the_plan_lists_none()
    {
        var plan = Plan(resources: [Lambda("snapshot")], variables: [FromSecret("DB_PASSWORD", "acme/db/credentials", line: 33)]);

        var diagnostic = Assert.Single(Run(new SecretReferenceRule(), plan));

        Assert.Equal("AP2020", diagnostic.Id);
        Assert.Equal(At(33, 20), diagnostic.Location);
    }

    [Fact]
    public void Warns_when_the_named_secret_is_not_listed()
    {
        var plan = Plan(
            resources: [Lambda("snapshot")],
            variables: [FromSecret("API_KEY", "acme/api/key", line: 34)],
            secrets: [Secret("acme/db/credentials")]);

        var diagnostic = Assert.Single(Run(new SecretReferenceRule(), plan));

        Assert.Equal("AP2021", diagnostic.Id);
        Assert.Equal("Variable 'API_KEY' takes its value from secret 'acme/api/key', which is not in the plan's Secrets table", diagnostic.Message);
    }

    [Theory]
    [InlineData("acme/db/credentials")]
    [InlineData("[product]/db/credentials")]
    [InlineData("db/credentials")]
    [InlineData(null)]
    public void Passes_references_to_listed_secrets(string? reference)
    {
        var plan = Plan(
            resources: [Lambda("snapshot")],
            variables: [FromSecret("DB_PASSWORD", reference)],
            secrets: [Secret("acme/db/credentials")]);

        Assert.Empty(Run(new SecretReferenceRule(), plan));
    }

    [Fact]
    public void Says_nothing_for_a_plan_without_compute()
    {
        var plan = Plan(resources: [Resource(ResourceKind.S3Bucket, "exports")], variables: [FromSecret("DB_PASSWORD", "acme/db")]);

        Assert.Empty(Run(new SecretReferenceRule(), plan));
    }
}

public sealed class NoConfigurationRuleTests
{
    [Fact]
    public void Notes_a_plan_without_configuration_where_the_section_would_go()
    {
        const string text = "# Plan\n\n## Infrastructure\n\n## Error Handling\n";
        var plan = Plan(resources: [Lambda("worker")]) with { Sections = new PlanSections { ConfigurationInsertOffset = text.IndexOf("## Error", StringComparison.Ordinal) } };

        var diagnostic = Assert.Single(Run(new NoConfigurationRule(), plan, text));

        Assert.Equal("AP2022", diagnostic.Id);
        Assert.Equal(ArchPlan.Diagnostics.Severity.Info, diagnostic.Severity);
        Assert.Equal((5, 1), (diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void Refuses_a_plan_with_neither_resources_nor_configuration()
    {
        var diagnostics = Run(new NoConfigurationRule(), Plan() with { Sections = new PlanSections() }, "---\ntitle: x\n---\n");

        Assert.Equal(["AP2022", "AP2037"], diagnostics.Select(d => d.Id));
        Assert.True(diagnostics.Single(d => d.Id == "AP2037").IsError);
    }

    [Fact]
    public void Passes_a_plan_with_a_Configuration_section_or_any_variable()
    {
        Assert.Empty(Run(new NoConfigurationRule(), Plan()));
        Assert.Empty(Run(new NoConfigurationRule(), Plan(variables: [Variable("A1", "x")]) with { Sections = new PlanSections() }));
    }
}
