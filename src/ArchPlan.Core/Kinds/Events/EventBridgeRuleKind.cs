using System.Text.RegularExpressions;
using ArchPlan.Diagnostics;
using ArchPlan.Generation.Code;
using ArchPlan.Generation.Naming;
using ArchPlan.Generation.Planning;
using ArchPlan.Model;
using static ArchPlan.Kinds.PhraseValues;

namespace ArchPlan.Kinds.Events;

/// <summary>
/// An EventBridge rule: a schedule in words ("daily at 02:30 UTC", "every weekday at 9", cron, rate) and the functions,
/// tasks and state machines it starts. A rule with neither schedule nor target is still created (a placeholder
/// pattern that matches nothing) and the user is told. Functions and tasks with a schedule of their own get a rule too.
/// </summary>
/// <remarks>Attributes: <c>Schedule</c> (the EventBridge expression, read by <c>ScheduleParser</c>), <c>Enabled</c>,
/// <c>TaskCount</c> (tasks started per run). Targets come from the resource's links (<see cref="Node.RuleTargets"/>).</remarks>
internal sealed partial class EventBridgeRuleKind : KindModule
{
    public override IReadOnlyList<ResourceKind> Kinds { get; } = [ResourceKind.EventBridgeRule];

    public override string Suffix => "Rule";

    public override string Title => "EventBridge rule";

    public override BuildPhase Phase => BuildPhase.Rule;

    public override IReadOnlyList<string> KindWords { get; } = ["schedule", "scheduled", "cron", "rule", "trigger", "triggers", "starts", "invokes", "runs", "kicks off", "utc"];

    public override IReadOnlyList<Phrase> Phrases { get; } =
    [
        new("Enabled", DisabledWords(), _ => "false"),
        new("TaskCount", TaskCountWords(), m => Whole(m)),
    ];

    public override void Emit(Node node, IStackContext stack)
    {
        var schedule = node.Resource.Schedule?.Expression;
        var props = Cs.New("Events::RuleProps");
        var comments = new List<string>();
        if (schedule is not null)
        {
            props = props.With("Schedule", Cs.Call("Events::Schedule.Expression", Cs.String(schedule)));
        }
        else
        {
            stack.Report(DiagnosticCatalog.GenerationRuleWithoutTrigger, node.Resource.Location, node.Name);
            stack.Note($"Rule {node.Name} has a placeholder event pattern that matches nothing: the plan gives no schedule.");
            comments.Add("PLACEHOLDER pattern: the plan gives no schedule or event pattern, so this matches no event.");
            var source = "archplan.placeholder." + (Words.ToKebab(stack.Plan.Product) is { Length: > 0 } p ? p : "app");
            props = props.With("EventPattern", Cs.New("Events::EventPattern").With("Source", Cs.Array("", [Cs.String(source)])));
        }
        if (node.Attribute("Enabled") is { Value: "false" })
        {
            props = props.With("Enabled", Cs.Bool(false));
        }
        if (node.RuleTargets.Count == 0)
        {
            stack.Report(DiagnosticCatalog.GenerationRuleWithoutTarget, node.Resource.Location, node.Name);
        }
        var count = node.Attribute("TaskCount") is { } tasks ? Long(tasks.Value) : (long?)null;
        var statements = new List<Cs>();
        foreach (var (target, kind) in node.RuleTargets)
        {
            Cs targetCode = kind switch
            {
                "ecs_task" => Cs.New("Targets::EcsTask", Cs.New("Targets::EcsTaskProps")
                    .With("Cluster", Cs.Name("Cluster"))
                    .With("TaskDefinition", Cs.Name(target.TaskDefinitionMember!))
                    .With("TaskCount", count is { } n ? Cs.Number(n) : null, when: count is not null)
                    .With("SecurityGroups", Cs.Array("Ec2::ISecurityGroup", [Cs.Name(target.SecurityGroupMember!)]))),
                "state_machine" => Cs.New("Targets::SfnStateMachine", Cs.Name(target.Member)),
                _ => Cs.New("Targets::LambdaFunction", Cs.Name(target.Member)),
            };
            statements.Add(Cs.Call(node.Member + ".AddTarget", targetCode));
        }
        stack.Add(node, node.Member, "Events::Rule", Cs.New("Events::Rule", Cs.Name("this"), Cs.String(IStackContext.IdOf(node.Member)), props), statements, comments);
    }

    public override AlarmMetric? Metric(Node node, IReadOnlySet<string> words) =>
        new("", "failed invocations", node.Member, Cs.New("CloudWatch::MetricProps")
            .With("Namespace", Cs.String("AWS/Events"))
            .With("MetricName", Cs.String("FailedInvocations"))
            .With("DimensionsMap", Cs.StringMap([("RuleName", Cs.Name(node.Member + ".RuleName"))])));

    [GeneratedRegex(@"\b(?:disabled|(?:starts?|created)\s+disabled|not\s+enabled)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DisabledWords();

    [GeneratedRegex(@"\b(?:starts?|runs?|launch(?:es)?)\s+" + PhraseValues.Count + @"\s+(?:copies|tasks|instances)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TaskCountWords();
}
