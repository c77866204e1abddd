using System.Text;
using ArchPlan.Tests.Support;

namespace ArchPlan.Tests.EndToEnd;

/// <summary>
/// What <c>cdk synth</c> does not check but CloudFormation refuses: a circle of resources each needing the next. Every
/// stack the test run synthesized (samples, accepted corpus plans, random plans, the generation fixtures' apps) is read
/// as a dependency graph; none may have a circle.
/// </summary>
[Collection(RoundTripCollection.Name)]
public sealed class DeployabilityTests(RoundTripFixture batch)
{
    [Fact]
    public void No_synthesized_stack_has_resources_that_depend_on_each_other_in_a_circle()
    {
        var checkedStacks = 0;
        var failures = new StringBuilder();
        foreach (var member in batch.Batch.Members)
        {
            if (batch.Batch.SynthOf(member.Id).ExitCode != 0 || batch.Batch.TemplateOf(member.Id) is not { } template)
            {
                continue;
            }
            checkedStacks++;
            if (TemplateDependencies.Cycle(template) is { } cycle)
            {
                var plan = batch.Plans.FirstOrDefault(p => p.Member.Id == member.Id);
                failures.Append("==== ").Append(plan?.ToString() ?? member.Id).Append(": ").AppendJoin(" → ", cycle).Append('\n');
                if (plan?.Origin == PlanOrigin.Random)
                {
                    failures.Append("---- plan (").Append(RandomPlanSeed.SeedVariable).Append('=').Append(batch.Seed).Append(")\n").Append(plan.Text).Append('\n');
                }
            }
        }

        Assert.True(checkedStacks >= batch.Plans.Count, $"{checkedStacks} templates for {batch.Plans.Count} round-trip plans");
        Assert.True(failures.Length == 0, "circular dependencies CloudFormation would refuse:\n" + failures);
    }

    [Fact]
    public void The_circle_finder_finds_a_circle_through_a_policy_and_none_in_a_chain()
    {
        var circular = System.Text.Json.Nodes.JsonNode.Parse("""
            {"Resources": {
              "Fn": {"Type": "AWS::Lambda::Function", "DependsOn": ["FnPolicy"], "Properties": {"Role": {"Fn::GetAtt": ["FnRole", "Arn"]}}},
              "FnRole": {"Type": "AWS::IAM::Role"},
              "FnPolicy": {"Type": "AWS::IAM::Policy", "Properties": {"Resource": {"Fn::Sub": "${Flow}/*"}}},
              "Flow": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"Definition": {"Fn::GetAtt": "Fn.Arn"}}}}}
            """)!.AsObject();
        var chain = System.Text.Json.Nodes.JsonNode.Parse("""
            {"Resources": {
              "Fn": {"Type": "AWS::Lambda::Function", "DependsOn": "FnPolicy", "Properties": {"Region": {"Ref": "AWS::Region"}}},
              "FnPolicy": {"Type": "AWS::IAM::Policy", "Properties": {"Resource": {"Fn::Sub": ["${Flow}", {"X": {"Ref": "Flow"}}]}}},
              "Flow": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"Note": {"Fn::Sub": "${!Fn} is text"}}}}}
            """)!.AsObject();

        Assert.Equal(["Fn", "FnPolicy", "Flow", "Fn"], TemplateDependencies.Cycle(circular));
        Assert.Null(TemplateDependencies.Cycle(chain));
    }
}
