using System.Text.RegularExpressions;
using ArchPlan.Cli;
using ArchPlan.Tests.Support;
using static ArchPlan.Tests.Consistency.ConsistencyPlans;

namespace ArchPlan.Tests.Consistency;

/// <summary>Names that collide once made identifiers keep their construct ids when the plan's lines are reordered.</summary>
public sealed partial class ConstructIdTests
{
    private static readonly string[] Queues =
    [
        "- **SQS Queue** `my-queue` — jobs from the API",
        "- **SQS Queue** `my_queue` — jobs from the importer",
        "- **SQS Queue** `MyQueue` — jobs from the scheduler",
    ];

    private const string Function = "- **Lambda Function** `worker` — Python 3.12, 256 MB, consumes my-queue";

    [Fact]
    public void Reordering_colliding_names_keeps_every_construct_id()
    {
        using var temp = new TempFolder();
        var forward = Ids(temp, "forward", string.Join('\n', [Function, .. Queues]));
        var backward = Ids(temp, "backward", string.Join('\n', [Function, .. Queues.Reverse()]));

        Assert.Equal(3, forward.Count);
        Assert.Equal(forward, backward);
        // Each id comes from its own spelling, so none of them is a bare MyQueue or a numbered MyQueue2.
        Assert.DoesNotContain(forward.Values, id => id is "MyQueue" || NumberedId().IsMatch(id));
    }

    [Fact]
    public void Check_warns_about_colliding_names_naming_both_lines()
    {
        using var temp = new TempFolder();
        var plan = temp.File("plan.md", Plan(string.Join('\n', [Function, .. Queues])));

        var result = CliRunner.Run("check", plan);

        Assert.Equal(CliApp.Success, result.ExitCode);
        Assert.Contains($"{plan}(17,1): warning AP2075: 'my_queue' and 'my-queue' (line 16) both make the construct id 'MyQueue'", result.Out, StringComparison.Ordinal);
        Assert.Contains($"{plan}(18,1): warning AP2075: 'MyQueue' and 'my-queue' (line 16) both make the construct id 'MyQueue'", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_is_silent_about_names_that_do_not_collide()
    {
        using var temp = new TempFolder();
        var plan = temp.File("plan.md", Plan(string.Join('\n', Function, "- **SQS Queue** `my-queue` — jobs", "- **SQS Queue** `other-queue` — more jobs")));

        var result = CliRunner.Run("check", plan);

        Assert.DoesNotContain("AP2075", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Diffing_the_generated_app_against_its_own_plan_finds_every_queue_planned()
    {
        using var temp = new TempFolder();
        var plan = temp.File("plan.md", Plan(string.Join('\n', [Function, .. Queues])));
        Assert.Equal(CliApp.Success, CliRunner.Run("generate", plan, "--output", temp.Path).ExitCode);

        var diff = CliRunner.Run("diff", plan, "--against", Path.Combine(temp.Path, "apps", "orders", "infra", "cdk"), "--read", "source");

        Assert.DoesNotContain("unplanned", diff.Out, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("not in the infrastructure", diff.Out, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(CliApp.Success, diff.ExitCode);
    }

    /// <summary>Generates the plan and maps each queue's plan name (from the generated comment) to its construct id.</summary>
    private static Dictionary<string, string> Ids(TempFolder temp, string name, string resources)
    {
        var plan = temp.File($"{name}/plan.md", Plan(resources));
        var output = Path.Combine(temp.Path, name, "out");
        var result = CliRunner.Run("generate", plan, "--output", output);
        Assert.True(result.ExitCode == CliApp.Success, result.Out + result.Error);
        var stack = Directory.GetFiles(output, "*Stack.g.cs", SearchOption.AllDirectories).Single();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        string? planName = null;
        foreach (var line in File.ReadLines(stack))
        {
            if (PlanComment().Match(line) is { Success: true } comment)
            {
                planName = comment.Groups["name"].Value;
            }
            else if (planName is not null && QueueConstruct().Match(line) is { Success: true } construct)
            {
                ids[planName] = construct.Groups["id"].Value;
                planName = null;
            }
        }
        return ids;
    }

    [GeneratedRegex(@"^\s*// (?<name>\S+) \(plan line \d+\)")]
    private static partial Regex PlanComment();

    [GeneratedRegex(@"new Sqs::Queue\(this, ""(?<id>[^""]+)""")]
    private static partial Regex QueueConstruct();

    [GeneratedRegex(@"^MyQueue\d+$")]
    private static partial Regex NumberedId();
}
