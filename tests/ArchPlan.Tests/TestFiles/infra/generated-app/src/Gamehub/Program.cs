using Amazon.CDK;

namespace Gamehub;

/// <summary>The CDK app: one stack, generated from the plan and completed by hand.</summary>
internal static class Program
{
    public static void Main()
    {
        var app = new App();
        _ = new GamehubLeaderboardSnapshotStack(app, "GamehubLeaderboardSnapshotStack", new StackProps
        {
            // Leave Env unset for an environment-agnostic stack, or pin the account and region, e.g.
            // Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "us-east-1" },
        });
        app.Synth();
    }
}
