using ArchPlan.Diagnostics;
using ArchPlan.Model;
using ArchPlan.Reading;
using CsCheck;

namespace ArchPlan.Tests.Reading;

/// <summary>
/// The linker tests only the resources a text can mention (an index of names looked up by the text's words, plus the
/// only resource of each kind and names that are not one word) instead of every pair. It must find exactly the links
/// the every-pair scan finds, in the same order.
/// </summary>
public sealed class ResourceLinkerCandidateTests
{
    private static readonly ResourceKind[] Kinds =
    [
        ResourceKind.LambdaFunction, ResourceKind.FargateService, ResourceKind.FargateTask, ResourceKind.S3Bucket, ResourceKind.DynamoDbTable,
        ResourceKind.SqsQueue, ResourceKind.SnsTopic, ResourceKind.StateMachine, ResourceKind.EventBridgeRule, ResourceKind.CloudWatchAlarm,
        ResourceKind.RestApi, ResourceKind.RdsInstance,
    ];

    // Names that are prefixes, case variants and hyphenated forms of each other, names with dots and spaces (not one
    // word), a non-ASCII name and an empty one.
    private static readonly string[] Names =
    [
        "worker", "Worker", "worker-2", "worker_2", "jobs", "jobs.fifo", "daily run", "store", "store-archive", "alerts", "flow", "é-queue", "",
    ];

    private static readonly string[] Words =
    [
        "triggers", "consumed by", "started by", "subscribed to", "starts", "notifies", "reads", "image from ECR repository", "the only queue",
        "bucket", "topic", "table", "state machine", "lambda", "service", "database", "-", "_", ".", ",", "`", "(", ")",
    ];

    private static readonly Gen<List<PlannedResource>> Plans =
        Gen.Select(Gen.Int[0, Kinds.Length - 1], Gen.Int[0, Names.Length - 1],
                Gen.OneOf(Gen.Int[0, Names.Length - 1].Select(i => Names[i]), Gen.Int[0, Words.Length - 1].Select(i => Words[i])).Array[0, 8])
            .Array[1, 14]
            .Select(items => items.Select((item, i) => new PlannedResource
            {
                Kind = Kinds[item.Item1],
                Name = Names[item.Item2],
                Text = $"**{Kinds[item.Item1]}** `{Names[item.Item2]}` — " + string.Join(" ", item.Item3),
                Location = new SourceLocation("plan.md", i + 1, 1),
            }).ToList());

    [Fact]
    public void Links_found_through_mention_candidates_equal_those_of_the_every_pair_scan()
    {
        var linked = 0;
        Plans.Sample(resources =>
        {
            var expected = ResourceLinker.Link(resources, everyPair: true);
            var actual = ResourceLinker.Link(resources);
            Assert.Equal(expected.Select(r => r.Links), actual.Select(r => r.Links));
            linked += expected.Count(r => r.Links.Count > 0);
        }, iter: 3_000);

        // The generator must produce plans with links, or the comparison proves nothing.
        Assert.True(linked > 1_000, $"only {linked} resources had links");
    }

    [Fact]
    public void A_name_is_found_as_a_whole_word_in_any_case_but_not_inside_a_longer_name()
    {
        var resources = new List<PlannedResource>
        {
            new() { Kind = ResourceKind.EventBridgeRule, Name = "nightly", Text = "**EventBridge Rule** `nightly` — triggers `WORKER` and `worker-2x`", Location = new("plan.md", 1, 1) },
            new() { Kind = ResourceKind.LambdaFunction, Name = "worker", Text = "**Lambda** `worker`", Location = new("plan.md", 2, 1) },
            new() { Kind = ResourceKind.LambdaFunction, Name = "worker-2", Text = "**Lambda** `worker-2`", Location = new("plan.md", 3, 1) },
        };

        var links = ResourceLinker.Link(resources)[0].Links;

        Assert.Equal([new ResourceLink(LinkKind.Triggers, "worker")], links.ToArray());
    }
}
