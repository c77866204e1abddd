using ArchPlan.Diagnostics;
using ArchPlan.Model;

namespace ArchPlan.Tests.Diffing;

/// <summary>The plan the leaderboard test templates were written for, built by hand (lines as in a plan.md).</summary>
internal static class LeaderboardPlan
{
    public const string File = "plan.md";

    private static SourceLocation At(int line) => new(File, line, 3);

    private static PlannedResource Resource(ResourceKind kind, string name, int line) =>
        new() { Kind = kind, Name = name, Text = name, Location = At(line) };

    private static EnvVariable Variable(string name, ValueSpec value, int line, params string[] scope) =>
        new() { Name = name, Value = value, Location = At(line), ValueLocation = new SourceLocation(File, line, 20), Required = Requirement.Required, Scope = scope };

    private static ValueSpec FromResource(string resource) => new(ValueKind.FromResource, $"(from {resource})", Resource: resource);

    private static ValueSpec FromSecret(string secret, string? field = null) => new(ValueKind.FromSecret, "(from secret)", Secret: secret, SecretField: field);

    public static Plan Create() => new()
    {
        FilePath = File,
        FrontMatter = FrontMatter.Missing(File),
        Product = "acme",
        Resources = new[]
        {
            Resource(ResourceKind.LambdaFunction, "snapshot", 20),
            Resource(ResourceKind.FargateService, "worker", 21),
            Resource(ResourceKind.S3Bucket, "snapshot-bucket", 22),
            Resource(ResourceKind.DynamoDbTable, "scores", 23),
            Resource(ResourceKind.SqsQueue, "snapshot-queue", 24),
            Resource(ResourceKind.SnsTopic, "alerts", 25),
            Resource(ResourceKind.EventBridgeRule, "nightly-snapshot", 26),
            Resource(ResourceKind.CloudWatchAlarm, "snapshot-errors", 27),
            Resource(ResourceKind.Vpc, "vpc", 28),
        },
        Variables = new[]
        {
            Variable("LOG_LEVEL", ValueSpec.Literal("info"), 40),
            Variable("BUCKET_NAME", FromResource("S3 bucket"), 41),
            Variable("TABLE_NAME", FromResource("DynamoDB table"), 42),
            Variable("QUEUE_URL", FromResource("SQS queue"), 43),
            Variable("API_KEY", FromSecret("acme/leaderboard/api-key"), 44, "snapshot"),
            Variable("DB_PASSWORD", FromSecret("acme/db/credentials", "password"), 45, "worker"),
            Variable("DB_USERNAME", FromSecret("acme/db/credentials", "username"), 46, "worker"),
        },
        Secrets = new[]
        {
            new PlannedSecret { Name = "acme/db/credentials", JsonFields = new[] { "username", "password" }, Location = At(52) },
            new PlannedSecret { Name = "acme/leaderboard/api-key", Location = At(53) },
        },
        // As in leaderboard-plan.md: the variables table says which compute each variable is for (Used by).
        Tables = new[]
        {
            new ConfigTable(ConfigTableKind.EnvironmentVariables, 0, 0,
                new[]
                {
                    new TableColumn("Variable", ColumnRole.Name), new TableColumn("Description", ColumnRole.Description),
                    new TableColumn("Value", ColumnRole.Value), new TableColumn("Required", ColumnRole.Required), new TableColumn("Used by", ColumnRole.Scope),
                },
                "Environment Variables", null, At(38)),
        },
        Sections = new PlanSections
        {
            AwsResources = At(18),
            EnvironmentVariables = At(36),
            Secrets = At(50),
        },
    };
}
