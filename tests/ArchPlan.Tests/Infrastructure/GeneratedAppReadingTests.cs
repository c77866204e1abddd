using ArchPlan.Infrastructure;
using ArchPlan.Model;

namespace ArchPlan.Tests.Infrastructure;

/// <summary>Reading the C# app ArchPlan's generator writes (a snapshot of its golden output), through its helper methods.</summary>
public sealed class GeneratedAppReadingTests
{
    private static readonly Lazy<InfraModel> Model = new(() =>
    {
        var result = InfrastructureReader.Read(InfraTestFiles.Path("generated-app"));
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Value!;
    });

    private static ComputeResource Compute(string name) => Model.Value.Compute.Single(c => c.DisplayName == name);

    [Fact]
    public void Variables_set_through_the_apps_own_helper_are_read()
    {
        var function = Compute("LeaderboardSnapshotFunction");
        Assert.Equal(["LOG_LEVEL", "SNAPSHOT_BUCKET", "ALERTS_TOPIC_ARN", "DB_HOST", "DB_PASSWORD_SECRET_ARN", "REGION_HINT"], function.Environment.Select(v => v.Name));
        var bucket = function.Environment.Single(v => v.Name == "SNAPSHOT_BUCKET").Value;
        Assert.Equal((InfraValueKind.Reference, "LeaderboardSnapshotsBucket"), (bucket.Kind, bucket.ResourceId));
    }

    [Fact]
    public void Settings_properties_are_context_values_from_the_selected_environment()
    {
        var logLevel = Compute("ScoreApiFunction").Environment.Single(v => v.Name == "LOG_LEVEL").Value;
        Assert.Equal((InfraValueKind.Context, "LOG_LEVEL", "debug"), (logLevel.Kind, logLevel.ContextKey, logLevel.Text));
        var players = Compute("MatchmakerTaskDefinition/App").Environment.Single(v => v.Name == "MAX_PLAYERS").Value;
        Assert.Equal((InfraValueKind.Context, "64"), (players.Kind, players.Text));
    }

    [Fact]
    public void Secrets_imported_through_a_helper_and_given_to_compute_are_named()
    {
        Assert.Equal(["gamehub/db/credentials", "gamehub/stripe-api-key"], Model.Value.Secrets.Select(s => s.Name).Distinct().Order(StringComparer.Ordinal));
        var arn = Compute("LeaderboardSnapshotFunction").Environment.Single(v => v.Name == "DB_PASSWORD_SECRET_ARN").Value;
        Assert.Equal((InfraValueKind.Secret, "gamehub/db/credentials"), (arn.Kind, arn.SecretName));
        var container = Compute("MatchmakerTaskDefinition/App");
        Assert.Equal(["DB_PASSWORD:password", "DB_USER:username"], container.Secrets.Select(s => $"{s.Name}:{s.Value.SecretField}"));
    }

    [Fact]
    public void Dead_letter_queue_and_task_definition_belong_to_their_owners()
    {
        Assert.Equal("ScoreEventsQueue", Model.Value.Resources.Single(r => r.LogicalId == "ScoreEventsDeadLetterQueue").PartOf);
        Assert.Equal("MatchmakerService", Model.Value.Resources.Single(r => r.LogicalId == "MatchmakerTaskDefinition").PartOf);
        Assert.Equal(ResourceKind.HttpApi, Model.Value.Resources.Single(r => r.LogicalId == "PublicApi").Kind);
    }
}
