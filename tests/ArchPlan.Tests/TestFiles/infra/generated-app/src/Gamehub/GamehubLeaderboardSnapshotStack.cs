using Amazon.CDK;
using Constructs;

namespace Gamehub;

/// <summary>
/// The stack. ArchPlan generates the plan's resources in GamehubLeaderboardSnapshotStack.g.cs (rewritten on every run);
/// this file was created once and is yours to edit.
/// </summary>
public sealed partial class GamehubLeaderboardSnapshotStack : Stack
{
    public GamehubLeaderboardSnapshotStack(Construct scope, string id, IStackProps? props = null)
        : base(scope, id, props)
    {
        DefinePlannedResources();

        // Add constructs the plan does not describe here. The generated properties (one per planned
        // resource) and Settings (the plan's configuration values) are available.
    }
}
