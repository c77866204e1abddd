using ArchPlan.Model;
using ArchPlan.Validation.Rules;
using static ArchPlan.Tests.Validation.TestPlans;

namespace ArchPlan.Tests.Validation;

public sealed class LambdaEnvironmentSizeRuleTests
{
    [Fact]
    public void Reports_a_function_whose_variables_exceed_4_KB()
    {
        // 5 x ("BLOB_i":"<1000 a>") + 4 commas + braces = 5061 bytes of JSON.
        var variables = Enumerable.Range(0, 5).Select(i => Variable($"BLOB_{i}", new string('a', 1000), 30 + i));
        var plan = Plan(resources: [Lambda("snapshot", line: 20)], variables: variables);

        var diagnostic = Assert.Single(Run(new LambdaEnvironmentSizeRule(), plan));

        Assert.Equal("AP2010", diagnostic.Id);
        Assert.Equal(20, diagnostic.Location.Line);
        Assert.Equal("Lambda function 'snapshot' gets an estimated 5061 bytes of environment variables (environment: default); Lambda allows at most 4096. Largest: BLOB_0 (1011 bytes), BLOB_1 (1011 bytes), BLOB_2 (1011 bytes)", diagnostic.Message);
    }

    [Fact]
    public void Reports_each_function_that_shares_an_oversized_set_of_variables()
    {
        // Three unscoped blobs reach every function; two scoped ones push only 'ingest' further.
        var variables = Enumerable.Range(0, 5).Select(i => Variable($"BLOB_{i}", new string('a', 1000), 30 + i))
            .Concat(Enumerable.Range(5, 2).Select(i => Variable($"BLOB_{i}", new string('a', 1000), 30 + i, "ingest")));
        var plan = Plan(resources: [Lambda("export", 20), Lambda("ingest", 21), Lambda("report", 22)], variables: variables);

        Assert.Equal(
            [
                (20, "Lambda function 'export' gets an estimated 5061 bytes"),
                (21, "Lambda function 'ingest' gets an estimated 7085 bytes"),
                (22, "Lambda function 'report' gets an estimated 5061 bytes"),
            ],
            Run(new LambdaEnvironmentSizeRule(), plan).Select(d => (d.Location.Line, d.Message[..d.Message.IndexOf(" of environment", StringComparison.Ordinal)])));
    }

    [Fact]
    public void Passes_a_function_under_the_limit()
    {
        var variables = Enumerable.Range(0, 3).Select(i => Variable($"BLOB_{i}", new string('a', 1000), 30 + i));
        var plan = Plan(resources: [Lambda("snapshot")], variables: variables);

        Assert.Empty(Run(new LambdaEnvironmentSizeRule(), plan));
    }

    [Fact]
    public void Counts_references_as_ARN_length_estimates()
    {
        // 40 secret references at ~100 characters each plus their names pass 4 KB; as literals "x" they would not.
        var variables = Enumerable.Range(0, 40).Select(i => FromSecret($"SECRET_{i:00}", "acme/db", 30 + i)).ToList();
        var plan = Plan(resources: [Lambda("snapshot")], variables: variables);
        var literals = Plan(resources: [Lambda("snapshot")], variables: variables.Select(v => v with { Value = ValueSpec.Literal("x") }));

        Assert.Single(Run(new LambdaEnvironmentSizeRule(), plan));
        Assert.Empty(Run(new LambdaEnvironmentSizeRule(), literals));
    }

    [Fact]
    public void Counts_only_the_variables_scoped_to_each_function()
    {
        var variables = Enumerable.Range(0, 5).Select(i => Variable($"BLOB_{i}", new string('a', 1000), 30 + i, i < 3 ? "ingest" : "export"));
        var plan = Plan(resources: [Lambda("ingest", 20), Lambda("export", 21)], variables: variables);

        Assert.Empty(Run(new LambdaEnvironmentSizeRule(), plan));
    }

    [Fact]
    public void Reports_the_largest_environment()
    {
        var big = new string('p', 3000);
        var variable = Variable("CONFIG", "small") with
        {
            PerEnvironment = new EnvironmentValue[] { new EnvironmentValue("dev", ValueSpec.Literal("dev"), At(30, 30)), new EnvironmentValue("prod", ValueSpec.Literal(big), At(30, 40)) },
        };
        var plan = Plan(resources: [Lambda("snapshot")], variables: [variable, Variable("OTHER", new string('o', 1500), 31)], environments: ["dev", "prod"]);

        var diagnostic = Assert.Single(Run(new LambdaEnvironmentSizeRule(), plan));

        Assert.Contains("(environment: prod)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lets_an_environment_table_override_the_general_value()
    {
        var tables = new[]
        {
            new ConfigTable(ConfigTableKind.EnvironmentVariables, 0, 0, ArchPlan.Common.EquatableArray<TableColumn>.Empty, "Production", "prod", At(50)),
            new ConfigTable(ConfigTableKind.EnvironmentVariables, 0, 0, ArchPlan.Common.EquatableArray<TableColumn>.Empty, "Environment Variables", null, At(29)),
        };
        var plan = Plan(
            resources: [Lambda("snapshot")],
            variables: [Variable("CONFIG", "short", 51) with { TableIndex = 0 }, Variable("CONFIG", new string('c', 5000), 30) with { TableIndex = 1 }],
            tables: tables,
            environments: ["prod"]);

        Assert.Empty(Run(new LambdaEnvironmentSizeRule(), plan));
    }

    [Fact]
    public void Ignores_Fargate_services()
    {
        var variables = Enumerable.Range(0, 5).Select(i => Variable($"BLOB_{i}", new string('a', 1000), 30 + i));
        var plan = Plan(resources: [Fargate("web")], variables: variables);

        Assert.Empty(Run(new LambdaEnvironmentSizeRule(), plan));
    }
}
