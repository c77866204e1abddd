using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Model;

namespace ArchPlan.Tests.Generation;

/// <summary>
/// Which resource an alarm without a stated source watches: the one whose name shares most of the alarm's words, the
/// first declared on a tie. (The planner scores through an index of name stems; these pin the choices it must keep.)
/// </summary>
public sealed class AlarmSourceTests
{
    private static string WatchedBy(string alarmText, params string[] functions)
    {
        var at = new SourceLocation("plan.md", 5, 1);
        var resources = functions
            .Select((name, i) => new PlannedResource { Kind = ResourceKind.LambdaFunction, Name = name, Text = name, Location = at with { Line = 10 + i } })
            .Append(new PlannedResource { Kind = ResourceKind.SnsTopic, Name = "alerts", Text = "alerts", Location = at with { Line = 30 } })
            .Append(new PlannedResource { Kind = ResourceKind.CloudWatchAlarm, Name = "the-alarm", Text = alarmText, Location = at with { Line = 40 } });
        var plan = SamplePlans.Gamehub() with { Resources = resources.ToEquatableArray(), Variables = EquatableArray<EnvVariable>.Empty };

        var result = GenerationTestHelpers.Generate(plan);

        return Assert.Single(result.Diagnostics, d => d.Id == "AP3025").Message;
    }

    [Fact]
    public void The_function_sharing_most_words_with_the_alarm_is_watched()
    {
        var message = WatchedBy("alarm on billing worker errors", "report-worker", "billing-api", "billing-worker");
        Assert.Contains("of 'billing-worker'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_tie_the_first_declared_function_is_watched()
    {
        Assert.Contains("of 'report-worker'", WatchedBy("alarm on worker errors", "report-worker", "billing-worker"), StringComparison.Ordinal);
        Assert.Contains("of 'billing-worker'", WatchedBy("alarm on worker errors", "billing-worker", "report-worker"), StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_shared_word_a_single_candidate_is_watched_and_several_are_not_guessed()
    {
        Assert.Contains("of 'ingest'", WatchedBy("alarm on failures", "ingest"), StringComparison.Ordinal);
        var at = new SourceLocation("plan.md", 5, 1);
        var plan = SamplePlans.Gamehub() with
        {
            Resources = new[]
            {
                new PlannedResource { Kind = ResourceKind.LambdaFunction, Name = "ingest", Text = "ingest", Location = at },
                new PlannedResource { Kind = ResourceKind.LambdaFunction, Name = "export", Text = "export", Location = at with { Line = 6 } },
                new PlannedResource { Kind = ResourceKind.CloudWatchAlarm, Name = "the-alarm", Text = "alarm on failures", Location = at with { Line = 7 } },
            }.ToEquatableArray(),
            Variables = EquatableArray<EnvVariable>.Empty,
        };
        Assert.Contains(GenerationTestHelpers.Generate(plan).Diagnostics, d => d.Id == "AP3024" && d.Location.Line == 7);
    }
}
