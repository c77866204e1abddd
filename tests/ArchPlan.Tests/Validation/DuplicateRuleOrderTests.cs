using ArchPlan.Model;
using ArchPlan.Validation.Rules;
using static ArchPlan.Tests.Validation.TestPlans;

namespace ArchPlan.Tests.Validation;

/// <summary>Duplicates among many rows: each reported at its own line, against the first row it clashes with, in order.</summary>
public sealed class DuplicateRuleOrderTests
{
    [Fact]
    public void Reports_duplicates_among_many_variables_at_their_lines_against_the_first_row()
    {
        // 3,000 rows over 1,000 names: rows 1,000..2,999 repeat the names of rows 0..999 twice over.
        var variables = Enumerable.Range(0, 3000).Select(i => Variable($"SETTING_{i % 1000}", "v", line: 100 + i)).ToList();

        var diagnostics = Run(new DuplicateVariableRule(), Plan(variables: variables));

        Assert.Equal(2000, diagnostics.Length);
        Assert.Equal(
            Enumerable.Range(1000, 2000).Select(i => $"plan.md({100 + i},3): error AP2004: Variable 'SETTING_{i % 1000}' is defined again; it was first defined on line {100 + (i % 1000)}"),
            diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Names_the_first_earlier_row_of_the_same_name_that_clashes()
    {
        var plan = Plan(
            resources: [Lambda("ingest"), Lambda("export")],
            variables:
            [
                Variable("MODE", "a", 30, "ingest"),
                Variable("OTHER", "x", 31),
                Variable("MODE", "b", 32, "export"),
                Variable("MODE", "c", 33),
                Variable("MODE", "d", 34, "export"),
                Variable("OTHER", "y", 35, "export"),
            ]);

        Assert.Equal(
            [
                (33, "first defined on line 30"),
                (34, "first defined on line 32"),
                (35, "first defined on line 31"),
            ],
            Run(new DuplicateVariableRule(), plan).Select(d => (d.Location.Line, d.Message[(d.Message.IndexOf("first", StringComparison.Ordinal))..])));
    }

    [Fact]
    public void Reports_duplicates_among_many_secrets_at_their_lines_against_the_first_row()
    {
        var secrets = Enumerable.Range(0, 1500).Select(i => Secret($"acme/s{i % 500}/key", line: 200 + i)).ToList();

        var diagnostics = Run(new DuplicateSecretRule(), Plan(secrets: secrets));

        Assert.Equal(
            Enumerable.Range(500, 1000).Select(i => (200 + i, $"first listed on line {200 + (i % 500)}")),
            diagnostics.Select(d => (d.Location.Line, d.Message[(d.Message.IndexOf("first", StringComparison.Ordinal))..])));
    }
}
