using ArchPlan.Cli;
using ArchPlan.Diffing;
using ArchPlan.Infrastructure;
using ArchPlan.Tests.Infrastructure;

namespace ArchPlan.Tests.Diffing;

/// <summary>The leaderboard plan against the C# CDK app's source, as written and after edits.</summary>
public sealed class CdkSourceDiffTests
{
    private const string StackFile = "src/Leaderboard/LeaderboardStack.cs";

    private static DiffReport Diff(string folder)
    {
        var infra = InfrastructureReader.Read(folder);
        Assert.False(infra.HasErrors, string.Join("\n", infra.Diagnostics));
        return PlanDiffer.Diff(LeaderboardPlan.Create(), infra.Value!);
    }

    private static string[] Summary(DiffReport report) => [.. report.Findings.Select(f => $"{f.Kind} {f.Subject}")];

    private static string EditedApp(InfraTestFiles.TempFolder temp, params (string From, string To)[] edits)
    {
        var app = temp.CopyFolder(InfraTestFiles.Path("csharp-app"), "app");
        var path = Path.Combine(app, StackFile);
        var text = File.ReadAllText(path);
        foreach (var (from, to) in edits)
        {
            Assert.Contains(from, text, StringComparison.Ordinal);
            text = text.Replace(from, to, StringComparison.Ordinal);
        }
        File.WriteAllText(path, text);
        return app;
    }

    [Fact]
    public void Sample_app_source_diffs_clean()
    {
        Assert.Empty(Summary(Diff(InfraTestFiles.Path("csharp-app"))));
        Assert.Equal(CliApp.Success, CliApp.Run(["diff", InfraTestFiles.Path("leaderboard-plan.md"), "--against", InfraTestFiles.Path("csharp-app")], new StringWriter(), new StringWriter()));
    }

    [Fact]
    public void Reports_exactly_the_edits_made_to_the_source()
    {
        using var temp = InfraTestFiles.Temp();
        var app = EditedApp(temp,
            ("                    [\"TABLE_NAME\"] = table.TableName,\n", ""),
            ("snapshot.AddEnvironment(\"QUEUE_URL\", queue.QueueUrl);", "snapshot.AddEnvironment(\"QUEUE_URL\", queue.QueueUrl);\n            snapshot.AddEnvironment(\"FEATURE_FLAG\", \"on\");"),
            ("\"acme/leaderboard/api-key\"", "\"acme/leaderboard/apikey2\""),
            ("                    { \"DB_PASSWORD\", Ecs.Secret.FromSecretsManager(dbCredentials, \"password\") },\n", ""),
            ("                    { \"LOG_LEVEL\", \"info\" },\n", "                    { \"LOG_LEVEL\", \"info\" },\n                    { \"DB_PASSWORD\", \"hunter2\" },\n"),
            ("            var alerts = new Topic(this, \"AlertsTopic\");\n", ""),
            ("            errors.AddAlarmAction(new SnsAction(alerts));\n", ""));

        var report = Diff(app);
        Assert.Equal(
            [
                "SecretSetAsLiteral DB_PASSWORD",
                "VariableNotPlanned FEATURE_FLAG",
                "VariableOnSomeCompute TABLE_NAME",
                "SecretNotReferenced acme/leaderboard/api-key",
                "SecretNotPlanned acme/leaderboard/apikey2",
                "ResourceNotFound alerts",
            ],
            Summary(report));

        var literal = report.Findings[0];
        var line = Array.FindIndex(File.ReadAllLines(Path.Combine(app, StackFile)), l => l.Contains("hunter2", StringComparison.Ordinal)) + 1;
        Assert.EndsWith($"LeaderboardStack.cs:{line}", literal.InfraLocation!.Display, StringComparison.Ordinal);
        Assert.Equal(CliApp.Failure, CliApp.Run(["diff", InfraTestFiles.Path("leaderboard-plan.md"), "--against", app], new StringWriter(), new StringWriter()));
    }

    [Fact]
    public void Reports_an_unplanned_construct_and_a_wildcard_grant_in_source()
    {
        using var temp = InfraTestFiles.Temp();
        var app = EditedApp(temp,
            ("            apiKey.GrantRead(snapshot);\n",
             "            apiKey.GrantRead(snapshot);\n" +
             "            new Queue(this, \"ArchiveQueue\");\n" +
             "            snapshot.AddToRolePolicy(new Amazon.CDK.AWS.IAM.PolicyStatement(new Amazon.CDK.AWS.IAM.PolicyStatementProps { Actions = new[] { \"secretsmanager:GetSecretValue\" }, Resources = new[] { \"*\" } }));\n"));
        var report = Diff(app);
        Assert.Equal([FindingKind.SecretWildcardGrant, FindingKind.ResourceNotPlanned], report.Findings.Select(f => f.Kind));
        Assert.EndsWith("LeaderboardStack.cs:64", report.Findings[0].InfraLocation!.Display, StringComparison.Ordinal);
        Assert.Equal(("ArchiveQueue", "AWS::SQS::Queue"), (report.Findings[1].Subject, report.Findings[1].Group));
    }
}
