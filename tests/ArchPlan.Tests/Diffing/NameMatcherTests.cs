using ArchPlan.Diffing;
using ArchPlan.Model;

namespace ArchPlan.Tests.Diffing;

public sealed class NameMatcherTests
{
    [Theory]
    [InlineData("leaderboard-snapshot", ResourceKind.LambdaFunction, "LeaderboardSnapshotFunction3D8A1B7C", null)]
    [InlineData("leaderboard-snapshot", ResourceKind.LambdaFunction, "leaderboardsnapshotfn7A6B5C4D", null)]
    [InlineData("snapshots", ResourceKind.S3Bucket, "Bucket83908E77", "Stack/Snapshots/Resource")]
    [InlineData("acme-scores", ResourceKind.DynamoDbTable, "ScoresTable0B8B4D3E", null)]
    [InlineData("worker", ResourceKind.FargateService, "WorkerService7D4E1A9B", "Stack/Worker/Service")]
    public void Plan_names_match_cdk_names(string plan, ResourceKind kind, string logicalId, string? cdkPath)
    {
        var planNames = NameMatcher.PlanNames(plan, kind, "acme");
        Assert.True(NameMatcher.InfraNames(logicalId, cdkPath, null, kind, "acme").Overlaps(planNames));
    }

    [Theory]
    [InlineData("snapshot", ResourceKind.LambdaFunction, "SnapshotErrorsFunction1A2B3C4D")]
    [InlineData("scores", ResourceKind.DynamoDbTable, "ArchiveTable0B8B4D3E")]
    public void Different_names_do_not_match(string plan, ResourceKind kind, string logicalId)
    {
        Assert.False(NameMatcher.InfraNames(logicalId, null, null, kind, null).Overlaps(NameMatcher.PlanNames(plan, kind, null)));
    }

    [Fact]
    public void Strips_only_an_eight_digit_uppercase_hash()
    {
        Assert.Equal("Snapshot", NameMatcher.StripHash("Snapshot3D8A1B7C"));
        Assert.Equal("Snapshot2024", NameMatcher.StripHash("Snapshot2024"));
        Assert.Equal("CDKMetadata", NameMatcher.StripHash("CDKMetadata"));
    }

    [Theory]
    [InlineData("JobsServiceA1", "jobs service a1")]
    [InlineData("APIHandler", "api handler")]
    [InlineData("reef-dev_catalog.api", "reef dev catalog api")]
    [InlineData("S3Bucket", "s3 bucket")]
    [InlineData("EC2Instance", "ec2 instance")]
    [InlineData("PostgreSQL", "postgre sql")]
    [InlineData("v2Api", "v2 api")]
    [InlineData("123abc", "123 abc")]
    public void Words_split_names_the_way_people_and_cdk_join_them(string name, string words)
    {
        Assert.Equal(words, string.Join(' ', NameMatcher.Words(name)));
    }
}
