using ArchPlan.Diffing;
using ArchPlan.Infrastructure;
using ArchPlan.Tests.Diffing;

namespace ArchPlan.Tests.Infrastructure;

/// <summary>
/// The order-intake app's stack is one partial class over three files: OrdersStack.g.cs makes the functions,
/// OrdersStack.cs (the team's file) and OrdersStack.Secrets.cs add variables to them.
/// </summary>
public sealed class PartialClassSourceTests
{
    private const string Folder = "src/Orders";

    /// <summary>The app with its stack files renamed, so they come in another order.</summary>
    private static string Renamed(InfraTestFiles.TempFolder temp, params (string From, string To)[] renames)
    {
        var app = temp.CopyFolder(OrdersApp.Source, "app");
        foreach (var (from, to) in renames)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(app, Folder, to))!);
            File.Move(Path.Combine(app, Folder, from), Path.Combine(app, Folder, to));
        }
        return app;
    }

    public static TheoryData<string, string, string> FileNames => new()
    {
        // As written: OrdersStack.Secrets.cs < OrdersStack.cs < OrdersStack.g.cs, the team's file before the functions exist.
        { "OrdersStack.cs", "OrdersStack.g.cs", "OrdersStack.Secrets.cs" },
        { "A.Team.cs", "Z.Generated.cs", "M.Secrets.cs" },
        { "Z.Team.cs", "A.Generated.cs", "B.Secrets.cs" },
        { "stack/Team.cs", "Generated.cs", "zz/Secrets.cs" },
    };

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Variables_added_in_any_file_of_a_partial_stack_class_are_read(string team, string generated, string secrets)
    {
        using var temp = InfraTestFiles.Temp();
        var app = Renamed(temp, ("OrdersStack.cs", team), ("OrdersStack.g.cs", generated), ("OrdersStack.Secrets.cs", secrets));

        var model = InfrastructureReader.Read(app).Value!;

        Assert.Equal(InfraSourceKind.CdkSource, model.SourceKind);
        Assert.Equal(7, model.SourceFiles);
        Assert.Equal(["LOG_LEVEL", "ORDERS_TABLE", "EXPORT_BUCKET", "MAX_BATCH", "RETURNS_ENABLED", "SOURCE_PROVIDER"],
            model.Compute.Single(c => c.LogicalId == "OrderWorker").Environment.Select(v => v.Name));
        Assert.Equal(["LOG_LEVEL", "ORDERS_TABLE", "EVENTS_QUEUE_URL", "CURRENCY", "PAYMENTS_API_KEY_SECRET_ARN", "WEBHOOK_SIGNING_KEY_SECRET_ARN"],
            model.Compute.Single(c => c.LogicalId == "OrderApi").Environment.Select(v => v.Name));
        Assert.Equal(["MonitoringStack", "OrdersStack", "ReportingStack"], model.Stacks.Order(StringComparer.Ordinal));
        Assert.Equal("dev", model.SelectedEnvironment);
    }

    [Fact]
    public void The_app_source_diffs_clean_and_a_variable_dropped_from_the_teams_file_is_reported()
    {
        Assert.Empty(OrdersApp.Summary(OrdersApp.Diff(OrdersApp.Source)));

        using var temp = InfraTestFiles.Temp();
        var app = temp.CopyFolder(OrdersApp.Source, "app");
        var team = Path.Combine(app, Folder, "OrdersStack.cs");
        var text = File.ReadAllText(team);
        File.WriteAllText(team, text.Replace("            OrderWorker.AddEnvironment(\"RETURNS_ENABLED\", props.ReturnsEnabled);\n", "", StringComparison.Ordinal)
            .Replace("\"GITHUB\"", "\"BITBUCKET\"", StringComparison.Ordinal));

        var report = OrdersApp.Diff(app);

        Assert.Equal(["VariableNotSet RETURNS_ENABLED", "ValueDiffers SOURCE_PROVIDER"], OrdersApp.Summary(report));
        var value = report.Findings[1];
        var line = Array.FindIndex(File.ReadAllLines(team), l => l.Contains("BITBUCKET", StringComparison.Ordinal)) + 1;
        Assert.EndsWith($"OrdersStack.cs:{line}", value.InfraLocation!.Display, StringComparison.Ordinal);
        Assert.Equal(OrdersApp.Line("SOURCE_PROVIDER"), value.PlanLocation.Line);
    }

    [Fact]
    public void Context_values_of_the_selected_environment_are_compared_in_source()
    {
        // The generated app reads LOG_LEVEL from cdk.json's "environments" entry of the selected environment.
        using var temp = InfraTestFiles.Temp();
        var app = temp.CopyFolder(InfraTestFiles.Path("generated-app"), "app");
        var plan = temp.Write("plan.md", """
            ---
            title: Leaderboard
            product: gamehub
            ---

            ## Configuration

            ### Environment Variables

            | Variable      | dev     | staging | prod   |
            | ------------- | ------- | ------- | ------ |
            | `LOG_LEVEL`   | `debug` | `info`  | `warn` |
            | `MAX_PLAYERS` | `64`    | `64`    | `64`   |
            """);
        var loaded = ArchPlan.Pipeline.PlanLoader.Load(plan).Value!;
        var infra = InfrastructureReader.Read(app).Value!;
        Assert.Equal("dev", infra.SelectedEnvironment);

        var values = PlanDiffer.Diff(loaded, infra).Findings.Where(f => f.Kind == FindingKind.ValueDiffers).ToList();
        Assert.Empty(values);

        var cdkJson = Path.Combine(app, "cdk.json");
        File.WriteAllText(cdkJson, File.ReadAllText(cdkJson).Replace("\"environment\": \"dev\"", "\"environment\": \"prod\"", StringComparison.Ordinal)
            .Replace("\"MAX_PLAYERS\": \"64\"", "\"MAX_PLAYERS\": \"32\"", StringComparison.Ordinal));
        infra = InfrastructureReader.Read(app).Value!;
        values = PlanDiffer.Diff(loaded, infra).Findings.Where(f => f.Kind == FindingKind.ValueDiffers).ToList();

        // prod's LOG_LEVEL (warn) is what the plan says; MAX_PLAYERS is not, on both of the compute that set it.
        var finding = Assert.Single(values);
        Assert.Equal("MAX_PLAYERS", finding.Subject);
        Assert.StartsWith("'MAX_PLAYERS' is '32' on ", finding.Message, StringComparison.Ordinal);
    }
}
