using System.Reflection;
using ArchPlan.Diagnostics;
using ArchPlan.Model;
using ArchPlan.Validation;
using static ArchPlan.Tests.Validation.TestPlans;

namespace ArchPlan.Tests.Validation;

public sealed class PlanValidatorTests
{
    [Fact]
    public void Returns_diagnostics_of_all_rules_sorted_by_location()
    {
        const string text = "---\ntitle: [Brief Title]\nstatus: draft\n---\n";
        var plan = Plan(
            frontMatter: [Field("title", null, 2), Field("status", "draft", 3)],
            resources: [Lambda("snapshot", line: 20)],
            variables: [Variable("AWS_REGION", "eu-west-1", line: 31), Variable("DB-HOST", "db", line: 30)]);

        var diagnostics = PlanValidator.Validate(plan, text);

        Assert.Equal(
            ["AP2001@2", "AP2002@3", "AP2006@30", "AP2008@31"],
            diagnostics.Select(d => $"{d.Id}@{d.Location.Line}"));
    }

    [Fact]
    public void Passes_a_clean_plan()
    {
        const string text = "---\ntitle: Snapshot\ndate: 2025-03-14\nstatus: active\nproduct: acme\n---\n\n# Snapshot\n";
        var plan = Plan(
            frontMatter: [Field("title", "Snapshot", 2), Field("date", "2025-03-14", 3), Field("status", "active", 4), Field("product", "acme", 5)],
            resources: [Lambda("snapshot")],
            variables: [Variable("TABLE_NAME", "scores") with { Required = Requirement.Required }, FromSecret("DB_SECRET", "acme/db/credentials")],
            secrets: [Secret("acme/db/credentials", format: "JSON: {username, password}")]);

        Assert.Empty(PlanValidator.Validate(plan, text));
    }
}

public sealed class ValidationCatalogTests
{
    private static readonly DiagnosticDescriptor[] Descriptors = [.. typeof(DiagnosticCatalog)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .Where(d => d.Id.StartsWith("AP20", StringComparison.Ordinal))];

    [Fact]
    public void Gives_each_validation_descriptor_a_unique_id_in_its_range_and_help()
    {
        Assert.True(Descriptors.Length >= 20);
        Assert.Equal(Descriptors.Length, Descriptors.Select(d => d.Id).Distinct().Count());
        Assert.All(Descriptors, d =>
        {
            Assert.Matches("^AP20(0[1-9]|[1-9][0-9])$", d.Id);
            Assert.False(string.IsNullOrWhiteSpace(d.Title));
            Assert.False(string.IsNullOrWhiteSpace(d.HelpFormat));
            _ = d.At(At(1), "a", "b", "c", "d", "e", "f");
        });
    }
}
