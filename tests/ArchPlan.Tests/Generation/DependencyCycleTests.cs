using System.Text.Json.Nodes;
using ArchPlan.Cli;
using ArchPlan.Tests.Support;
using static ArchPlan.Tests.Consistency.ConsistencyPlans;

namespace ArchPlan.Tests.Generation;

/// <summary>
/// Resources that name each other in a circle. A grant that would close one goes into a policy of its own (the stack
/// deploys, with the same permissions); a circle of references alone is refused by check and generate.
/// </summary>
[Collection(CdkAppsCollection.Name)]
public sealed class DependencyCycleTests(CdkAppFixture apps)
{
    [Fact]
    public void A_function_that_starts_the_state_machine_running_it_synthesizes_a_template_without_a_circle()
    {
        var synth = apps.WorkflowCycleDefault;

        Assert.True(synth.Run.ExitCode == 0, synth.Run.ToString());
        Assert.Null(TemplateDependencies.Cycle(synth.Template!));
    }

    [Fact]
    public void The_grants_moved_apart_still_give_each_role_what_the_plan_says()
    {
        var synth = apps.WorkflowCycleDefault;
        var policies = synth.OfType("AWS::IAM::Policy").Select(p => p.Resource["Properties"]!.AsObject()).ToList();
        var roleOf = (string function) => synth.Resource("AWS::Lambda::Function", function)["Properties"]!["Role"]!["Fn::GetAtt"]![0]!.GetValue<string>();

        // intake starts review-flow; notify and escalate invoke each other: each statement on the right role.
        AssertGranted(policies, roleOf("IntakeFunction"), "states:StartExecution", "ReviewFlowStateMachine");
        AssertGranted(policies, roleOf("NotifyFunction"), "lambda:InvokeFunction", "EscalateFunction");
        AssertGranted(policies, roleOf("EscalateFunction"), "lambda:InvokeFunction", "NotifyFunction");
    }

    [Fact]
    public void Generate_says_which_permission_went_apart_and_the_generated_README_lists_it()
    {
        using var temp = new TempFolder();
        var plan = temp.File("plan.md", CdkAppFixture.WorkflowCycleText + "\n");

        var generate = CliRunner.Run("generate", plan, "--output", temp.Path, "-v");

        Assert.Equal(CliApp.Success, generate.ExitCode);
        Assert.Contains("info AP3054: intake gets permission to start executions on review-flow through a policy of its own, since review-flow already depends on intake", generate.Out, StringComparison.Ordinal);
        var readme = File.ReadAllText(Directory.GetFiles(temp.Path, "README.md", SearchOption.AllDirectories).Single());
        Assert.Contains("intake's permissions on review-flow are in a policy of their own", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_finds_the_plan_and_its_app_with_the_moved_grants_in_step()
    {
        using var temp = new TempFolder();
        var plan = temp.File("plan.md", CdkAppFixture.WorkflowCycleText + "\n");

        var diff = CliRunner.Run("diff", plan, "--against", apps.WorkflowCycleDefault.OutDir);

        Assert.True(diff.ExitCode == CliApp.Success, diff.Out + diff.Error);
    }

    [Fact]
    public void The_state_machine_a_function_gets_the_ARN_of_is_named_ahead_and_the_ARN_built_from_that_name()
    {
        var synth = apps.WorkflowCycleDefault;
        var machine = synth.Resource("AWS::StepFunctions::StateMachine", "ReviewFlowStateMachine")["Properties"]!;
        var intake = synth.Resource("AWS::Lambda::Function", "IntakeFunction")["Properties"]!["Environment"]!["Variables"]!["REVIEW_FLOW_ARN"]!;

        var name = machine["StateMachineName"]!.GetValue<string>();
        Assert.EndsWith("-ReviewFlowStateMachine", name, StringComparison.Ordinal);
        Assert.Contains(":stateMachine:" + name, intake.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("{\"Ref\":\"ReviewFlowStateMachine", intake.ToJsonString(), StringComparison.Ordinal); // no reference: no circle
    }

    [Fact]
    public void A_circle_of_references_alone_is_refused_by_check_with_each_link_and_its_line()
    {
        // A REST API's URL names its stage, which needs the function behind the API: the function cannot be given it.
        using var temp = new TempFolder();
        var plan = temp.File("plan.md", Plan(
            "- **Lambda Function** `orders-fn` (Python 3.13) — handles orders\n- **API Gateway** `orders-api` — REST API, fronts `orders-fn`",
            configuration: "### Environment Variables\n\n| Variable | Description | Example | Required |\n| --- | --- | --- | --- |\n| `ORDERS_API_URL` | URL of the `orders-api` API | _(from API Gateway)_ | Yes |"));

        var check = CliRunner.Run("check", plan);
        var generate = CliRunner.Run("generate", plan, "--output", temp.Path);

        Assert.Equal(CliApp.Failure, check.ExitCode);
        Assert.Contains("error AP3053: 'orders-fn' → 'orders-api' → 'orders-fn': each needs the next one to exist first", check.Out, StringComparison.Ordinal);
        Assert.Contains("'orders-fn' gets ORDERS_API_URL from 'orders-api' (line 15); 'orders-api' sends requests to 'orders-fn' (line 16)", check.Out, StringComparison.Ordinal);
        Assert.NotEqual(CliApp.Success, generate.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "apps")), "nothing is written for a refused plan");
    }

    [Fact]
    public void An_HTTP_APIs_endpoint_needs_nothing_of_its_function_so_the_function_may_be_given_it()
    {
        using var temp = new TempFolder();
        var plan = temp.File("plan.md", Plan(
            "- **Lambda Function** `orders-fn` (Python 3.13) — handles orders\n- **API Gateway** `orders-api` — HTTP API, fronts `orders-fn`",
            configuration: "### Environment Variables\n\n| Variable | Description | Example | Required |\n| --- | --- | --- | --- |\n| `ORDERS_API_URL` | URL of the `orders-api` API | _(from API Gateway)_ | Yes |"));

        var check = CliRunner.Run("check", plan);

        Assert.Equal(CliApp.Success, check.ExitCode);
        Assert.DoesNotContain("AP3053", check.Out, StringComparison.Ordinal);
    }

    private static void AssertGranted(List<JsonObject> policies, string role, string action, string resourcePrefix)
    {
        var found = policies.Any(p =>
            p["Roles"]!.ToJsonString().Contains(role, StringComparison.Ordinal)
            && p["PolicyDocument"]!["Statement"]!.AsArray().Any(s =>
                (s!["Action"] is JsonArray actions ? actions.Any(a => a!.GetValue<string>() == action) : s["Action"]!.GetValue<string>() == action)
                && s["Resource"]!.ToJsonString().Contains(resourcePrefix, StringComparison.Ordinal)));
        Assert.True(found, $"no policy attached to {role} allows {action} on {resourcePrefix}*:\n" + string.Join("\n", policies.Select(p => p.ToJsonString())));
    }
}
