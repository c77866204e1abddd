using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Model;
using ArchPlan.Validation.Rules;
using static ArchPlan.Tests.Validation.TestPlans;

namespace ArchPlan.Tests.Validation;

public sealed class DuplicateVariableRuleTests
{
    [Fact]
    public void Reports_duplicate_variable_with_both_locations()
    {
        var plan = Plan(variables: [Variable("LOG_LEVEL", "info", line: 30), Variable("TABLE", "t", line: 31), Variable("LOG_LEVEL", "debug", line: 32)]);

        var diagnostic = Assert.Single(Run(new DuplicateVariableRule(), plan));

        Assert.Equal("AP2004", diagnostic.Id);
        Assert.Equal(32, diagnostic.Location.Line);
        Assert.Equal("Variable 'LOG_LEVEL' is defined again; it was first defined on line 30", diagnostic.Message);
    }

    [Fact]
    public void Allows_the_same_name_in_tables_for_different_environments()
    {
        var tables = new[] { Table("dev"), Table("prod") };
        var plan = Plan(
            variables: [Variable("LOG_LEVEL", "debug", line: 30) with { TableIndex = 0 }, Variable("LOG_LEVEL", "info", line: 40) with { TableIndex = 1 }],
            tables: tables);

        Assert.Empty(Run(new DuplicateVariableRule(), plan));
    }

    [Fact]
    public void Reports_the_same_name_twice_in_one_environments_table()
    {
        var plan = Plan(
            variables: [Variable("LOG_LEVEL", "debug", line: 30) with { TableIndex = 0 }, Variable("LOG_LEVEL", "info", line: 31) with { TableIndex = 0 }],
            tables: [Table("prod")]);

        Assert.Equal("AP2004", Assert.Single(Run(new DuplicateVariableRule(), plan)).Id);
    }

    [Fact]
    public void Allows_the_same_name_scoped_to_different_functions()
    {
        var plan = Plan(variables: [Variable("HANDLER_MODE", "a", 30, "ingest"), Variable("HANDLER_MODE", "b", 31, "export")]);

        Assert.Empty(Run(new DuplicateVariableRule(), plan));
    }

    [Fact]
    public void Reports_an_unscoped_row_that_overlaps_a_scoped_one()
    {
        var plan = Plan(variables: [Variable("HANDLER_MODE", "a", 30, "ingest"), Variable("HANDLER_MODE", "b", 31)]);

        Assert.Single(Run(new DuplicateVariableRule(), plan));
    }

    [Fact]
    public void Allows_an_environment_table_to_override_the_general_one()
    {
        var plan = Plan(
            variables: [Variable("LOG_LEVEL", "info", line: 30) with { TableIndex = 0 }, Variable("LOG_LEVEL", "warn", line: 40) with { TableIndex = 1 }],
            tables: [Table(null), Table("prod")]);

        Assert.Empty(Run(new DuplicateVariableRule(), plan));
    }

    [Fact]
    public void Reports_scopes_that_name_the_same_function_in_different_words()
    {
        var plan = Plan(
            resources: [Lambda("ingest"), Lambda("export")],
            variables: [Variable("MODE", "a", 30, "ingest"), Variable("MODE", "b", 31, "ingest Lambda")]);

        Assert.Single(Run(new DuplicateVariableRule(), plan));
    }

    [Fact]
    public void Treats_names_that_differ_in_case_as_different_variables()
    {
        var plan = Plan(variables: [Variable("http_proxy", "a", 30), Variable("HTTP_PROXY", "b", 31)]);

        Assert.Empty(Run(new DuplicateVariableRule(), plan));
    }

    private static ConfigTable Table(string? environment) =>
        new(ConfigTableKind.EnvironmentVariables, 0, 0, EquatableArray<TableColumn>.Empty, environment ?? "Environment Variables", environment, At(29));
}

public sealed class DuplicateSecretRuleTests
{
    [Fact]
    public void Reports_a_secret_listed_twice_with_the_first_line()
    {
        var plan = Plan(secrets: [Secret("acme/db/credentials", 40), Secret("acme/api/key", 41), Secret("acme/db/credentials", 42)]);

        var diagnostic = Assert.Single(Run(new DuplicateSecretRule(), plan));

        Assert.Equal("AP2005", diagnostic.Id);
        Assert.Equal(new SourceLocation(PlanFile, 42, 3), diagnostic.Location);
        Assert.Contains("first listed on line 40", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Passes_distinct_secrets()
    {
        var plan = Plan(secrets: [Secret("acme/db/credentials", 40), Secret("acme/DB/credentials", 41)]);

        Assert.Empty(Run(new DuplicateSecretRule(), plan));
    }
}
