using ArchPlan.Model;
using ArchPlan.Validation.Rules;
using static ArchPlan.Tests.Validation.TestPlans;

namespace ArchPlan.Tests.Validation;

public sealed class RequiredValueRuleTests
{
    [Fact]
    public void Reports_a_Required_cell_that_is_neither_yes_nor_no_at_the_cell()
    {
        const string text = "| Variable | Example | Required |\n| --- | --- | --- |\n| `FLAG` | `true` | maybe |\n";
        var variable = Variable("FLAG", "true", line: 3) with { Required = Requirement.Invalid, RequiredText = "maybe" };

        var diagnostic = Assert.Single(Run(new RequiredValueRule(), Plan(variables: [variable]), text));

        Assert.Equal("AP2014", diagnostic.Id);
        Assert.Equal((3, 21), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Equal("The Required cell of 'FLAG' says 'maybe', which is neither yes nor no", diagnostic.Message);
    }

    [Fact]
    public void Points_at_the_Required_cell_even_when_its_word_appears_earlier_in_the_row()
    {
        const string text = "| `FLAG` | maybe enables it | `true` | maybe |\r\n";
        var variable = Variable("FLAG", "true", line: 1) with { Required = Requirement.Invalid, RequiredText = "maybe" };

        var diagnostic = Assert.Single(Run(new RequiredValueRule(), Plan(variables: [variable]), text));

        Assert.Equal((1, 40, 39, 5), (diagnostic.Location.Line, diagnostic.Location.Column, diagnostic.Location.Start, diagnostic.Location.Length));
    }

    [Theory]
    [InlineData(Requirement.Required)]
    [InlineData(Requirement.Optional)]
    [InlineData(Requirement.Unspecified)]
    public void Passes_cells_the_reader_understood(Requirement requirement)
    {
        var variable = Variable("FLAG", "true") with { Required = requirement, RequiredText = "Yes" };

        Assert.Empty(Run(new RequiredValueRule(), Plan(variables: [variable])));
    }
}

public sealed class RequiredWithoutValueRuleTests
{
    [Fact]
    public void Warns_about_a_required_variable_with_no_value_at_its_value_cell()
    {
        var variable = Variable("DATABASE_URL", value: null, line: 36) with { Required = Requirement.Required };

        var diagnostic = Assert.Single(Run(new RequiredWithoutValueRule(), Plan(variables: [variable])));

        Assert.Equal("AP2015", diagnostic.Id);
        Assert.Equal((36, 20), (diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void Passes_a_required_variable_with_values_per_environment_only()
    {
        var variable = Variable("DATABASE_URL", value: null) with
        {
            Required = Requirement.Required,
            PerEnvironment = new EnvironmentValue[] { new EnvironmentValue("prod", ValueSpec.Literal("postgresql://db/prod"), At(30, 40)) },
        };

        Assert.Empty(Run(new RequiredWithoutValueRule(), Plan(variables: [variable])));
    }

    [Fact]
    public void Passes_an_optional_variable_with_no_value()
    {
        var variable = Variable("FEATURE_FLAG", value: null) with { Required = Requirement.Optional };

        Assert.Empty(Run(new RequiredWithoutValueRule(), Plan(variables: [variable])));
    }
}
