using ArchPlan.Diffing;
using ArchPlan.Infrastructure;
using ArchPlan.Model;
using ArchPlan.Pipeline;
using ArchPlan.Tests.Infrastructure;

namespace ArchPlan.Tests.Diffing;

/// <summary>
/// The order-intake app under TestFiles/infra/orders: its plan (per-environment values), its C# source (a partial
/// stack class over three files, one stack per environment, a shared and an empty stack), and the cloud assembly
/// the CDK CLI synthesized from it (with and without path metadata).
/// </summary>
internal static class OrdersApp
{
    public static readonly string PlanPath = InfraTestFiles.Path("orders", "orders-plan.md");

    public static readonly string Assembly = InfraTestFiles.Path("orders", "cdk.out");

    public static readonly string BareAssembly = InfraTestFiles.Path("orders", "bare", "cdk.out");

    public static readonly string Source = InfraTestFiles.Path("orders", "app");

    public const string Api = "OrderApiD39141ED";

    public const string Worker = "OrderWorkerA264D295";

    private static readonly Lazy<Plan> LoadedPlan = new(() =>
    {
        var result = PlanLoader.Load(PlanPath);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Value!;
    });

    public static Plan Plan => LoadedPlan.Value;

    /// <summary>The plan line of a variable's row.</summary>
    public static int Line(string variable) => Plan.Variables.Single(v => v.Name == variable).Location.Line;

    public static DiffReport Diff(string path, string? stack = null, DiffOptions? options = null, Plan? plan = null)
    {
        var infra = InfrastructureReader.Read(path, stack);
        Assert.False(infra.HasErrors, string.Join("\n", infra.Diagnostics));
        return PlanDiffer.Diff(plan ?? Plan, infra.Value!, infra.Diagnostics, options);
    }

    /// <summary>A copy of the synthesized assembly with some of its templates edited.</summary>
    public static string EditedAssembly(InfraTestFiles.TempFolder temp, params (string Stack, Action<TemplateMutation> Edit)[] edits)
    {
        var copy = temp.CopyFolder(Assembly, "cdk.out");
        foreach (var (stack, edit) in edits)
        {
            var path = Path.Combine(copy, stack + ".template.json");
            var template = TemplateMutation.Load(path);
            edit(template);
            template.Save(path);
        }
        return copy;
    }

    public static string[] Summary(DiffReport report) =>
        [.. report.Findings.Select(f => f.Environment is null ? $"{f.Kind} {f.Subject}" : $"{f.Kind} {f.Subject} [{f.Environment}]")];
}
