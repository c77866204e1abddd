using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Model;
using ArchPlan.Tables;

namespace ArchPlan.Tests.Tables;

public sealed class PlanNamesTests
{
    private static Plan PlanWith(params PlannedResource[] resources) => new()
    {
        FilePath = "plan.md",
        FrontMatter = FrontMatter.Missing("plan.md"),
        Product = "payments",
        Resources = resources.ToEquatableArray(),
    };

    private static PlannedResource Resource(ResourceKind kind, string name) =>
        new() { Kind = kind, Name = name, Text = name, Location = new SourceLocation("plan.md", 1, 1) };

    private static TableModel Model(params string[] usedBy) => new(
        new[] { new CodeVariable("STRIPE_KEY", new CodeValue(CodeValueKind.Literal, "x"), usedBy.ToEquatableArray(), false, EquatableArray<string>.Empty) }.ToEquatableArray(),
        EquatableArray<CodeSecret>.Empty,
        null);

    [Fact]
    public void Used_by_names_the_plans_compute_instead_of_the_construct()
    {
        var plan = PlanWith(Resource(ResourceKind.LambdaFunction, "payments-handler"), Resource(ResourceKind.FargateService, "payments-worker"));

        var model = TableSplicer.WithPlanNames(Model("PaymentsHandlerFunction", "PaymentsWorkerService/app"), plan);

        Assert.Equal(["payments-handler", "payments-worker"], model.Variables[0].UsedBy.ToList());
    }

    [Fact]
    public void A_compute_the_plan_does_not_name_keeps_the_codes_name()
    {
        var plan = PlanWith(Resource(ResourceKind.LambdaFunction, "payments-handler"));

        var model = TableSplicer.WithPlanNames(Model("AuditTrailFunction"), plan);

        Assert.Equal(["AuditTrailFunction"], model.Variables[0].UsedBy.ToList());
    }

    [Fact]
    public void When_two_plan_computes_match_the_first_in_the_plan_is_named()
    {
        var plan = PlanWith(Resource(ResourceKind.LambdaFunction, "payments"), Resource(ResourceKind.LambdaFunction, "payments-function"));

        var model = TableSplicer.WithPlanNames(Model("PaymentsFunction"), plan);

        Assert.Equal(["payments"], model.Variables[0].UsedBy.ToList());
    }

    [Fact]
    public void Every_row_names_the_same_compute_the_same_way_and_merged_names_appear_once()
    {
        var plan = PlanWith(Resource(ResourceKind.LambdaFunction, "payments-handler"), Resource(ResourceKind.LambdaFunction, "refunds"));
        var row = new CodeVariable("A", new CodeValue(CodeValueKind.Literal, "x"),
            new[] { "RefundsFunction", "PaymentsHandlerFunction", "PaymentsHandler", "AuditFunction" }.ToEquatableArray(), false, EquatableArray<string>.Empty);
        var model = new TableModel(new[] { row, row with { Name = "B" } }.ToEquatableArray(), EquatableArray<CodeSecret>.Empty, null);

        var named = TableSplicer.WithPlanNames(model, plan);

        Assert.All(named.Variables, v => Assert.Equal(["refunds", "payments-handler", "AuditFunction"], v.UsedBy.ToList()));
    }
}
