using System.Collections.Immutable;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Model;
using ArchPlan.Validation;

namespace ArchPlan.Tests.Validation;

/// <summary>Hand-built plans for the validation tests.</summary>
internal static class TestPlans
{
    public const string PlanFile = "plan.md";

    public static SourceLocation At(int line, int column = 1) => new(PlanFile, line, column);

    public static Plan Plan(
        IEnumerable<PlannedResource>? resources = null,
        IEnumerable<EnvVariable>? variables = null,
        IEnumerable<PlannedSecret>? secrets = null,
        IEnumerable<FrontMatterField>? frontMatter = null,
        IEnumerable<ConfigTable>? tables = null,
        IEnumerable<string>? environments = null,
        string? product = "acme") => new()
        {
            FilePath = PlanFile,
            FrontMatter = new FrontMatter
            {
                IsPresent = true,
                Location = At(1),
                Fields = (frontMatter ?? []).ToEquatableArray(),
            },
            Product = product,
            ProductOrigin = product is null ? ProductOrigin.None : ProductOrigin.FrontMatter,
            ProductLocation = product is null ? null : At(2),
            Resources = (resources ?? []).ToEquatableArray(),
            Variables = (variables ?? []).ToEquatableArray(),
            Secrets = (secrets ?? []).ToEquatableArray(),
            Tables = (tables ?? []).ToEquatableArray(),
            Environments = (environments ?? []).ToEquatableArray(),
            Sections = new PlanSections { Configuration = At(90) },
        };

    public static PlannedResource Lambda(string name, int line = 20) => Resource(ResourceKind.LambdaFunction, name, line);

    public static PlannedResource Fargate(string name, int line = 21) => Resource(ResourceKind.FargateService, name, line);

    public static PlannedResource Resource(ResourceKind kind, string name, int line = 22, string? text = null) =>
        new() { Kind = kind, Name = name, Text = text ?? $"**{name}**: {kind}", Location = At(line, 3) };

    public static EnvVariable Variable(string name, string? value = null, int line = 30, params string[] scope) => new()
    {
        Name = name,
        Value = value is null ? ValueSpec.None : ValueSpec.Literal(value),
        Location = At(line, 3),
        ValueLocation = At(line, 20),
        Scope = scope.ToEquatableArray(),
    };

    public static EnvVariable FromSecret(string name, string? secret, int line = 30) => new()
    {
        Name = name,
        Value = new ValueSpec(ValueKind.FromSecret, Secret: secret),
        Location = At(line, 3),
        ValueLocation = At(line, 20),
    };

    public static PlannedSecret Secret(string name, int line = 40, string? format = null, string description = "") =>
        new() { Name = name, Location = At(line, 3), Format = format, Description = description };

    public static FrontMatterField Field(string key, string? value, int line) => new(key, value, At(line));

    public static ImmutableArray<Diagnostic> Run(IPlanRule rule, Plan plan, string sourceText = "") =>
        PlanValidator.Run(rule, plan, sourceText);
}
