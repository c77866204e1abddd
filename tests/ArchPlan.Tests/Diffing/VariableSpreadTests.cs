using System.Text.Json.Nodes;
using ArchPlan.Diffing;
using ArchPlan.Infrastructure;
using ArchPlan.Reading;
using ArchPlan.Tests.Infrastructure;

namespace ArchPlan.Tests.Diffing;

/// <summary>
/// Which compute resources set a planned variable, and in what order findings name them. (The differ looks variables
/// up in an index of the names each compute resource sets instead of asking every resource; these pin the answers.)
/// </summary>
public sealed class VariableSpreadTests
{
    private const string Plan = """
        ---
        title: Spread
        date: 2026-01-15
        status: active
        author: Test
        product: spread
        ---

        # Spread

        ## Infrastructure (CDK/Terraform)

        ### AWS Resources

        - **Lambda Function** `one` — Python 3.12
        - **Lambda Function** `two` — Python 3.12
        - **Lambda Function** `three` — Python 3.12
        - **Lambda Function** `four` — Python 3.12
        - **Lambda Function** `five` — Python 3.12

        ## Configuration

        ### Environment Variables

        | Variable | Description | Example | Required | Used by |
        | --- | --- | --- | --- | --- |
        | `API_TOKEN` | Token | _(Secrets Manager)_ | Yes | all |
        | `LOG_LEVEL` | Level | `info` | No | all |
        | `REGION_NAME` | Region | `eu-west-1` | No | all |

        ### Secrets (AWS Secrets Manager)

        | Secret Name | Description | Format |
        | --- | --- | --- |
        | `spread/api-token` | Token | Plain string |
        """;

    private static JsonObject Function(params (string Name, JsonNode Value)[] variables)
    {
        var environment = new JsonObject();
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }
        return new JsonObject
        {
            ["Type"] = "AWS::Lambda::Function",
            ["Properties"] = new JsonObject { ["Environment"] = new JsonObject { ["Variables"] = environment }, ["Runtime"] = "python3.12" },
        };
    }

    private static JsonNode SecretArn() => new JsonObject
    {
        ["Fn::Join"] = new JsonArray("", new JsonArray("arn:", new JsonObject { ["Ref"] = "AWS::Partition" }, ":secretsmanager:eu-west-1:123456789012:secret:spread/api-token")),
    };

    private static DiffReport Diff(JsonObject resources, string plan = Plan)
    {
        using var temp = InfraTestFiles.Temp();
        var template = Path.Combine(temp.Dir, "spread.template.json");
        File.WriteAllText(template, new JsonObject { ["Resources"] = resources }.ToJsonString());
        var infra = InfrastructureReader.Read(template);
        Assert.False(infra.HasErrors, string.Join("\n", infra.Diagnostics));
        var read = PlanReader.Parse(plan, "plan.md");
        Assert.NotNull(read.Value);
        return PlanDiffer.Diff(read.Value, infra.Value!);
    }

    // The table says "all" in a Used by column since issue 11: without one, a table does not say that every function
    // needs every variable, and a variable on some functions only is not reported.
    [Fact]
    public void A_variable_on_some_functions_names_those_with_it_and_those_without_in_template_order()
    {
        var report = Diff(new JsonObject
        {
            ["OneFunctionAAAAAAAA"] = Function(("LOG_LEVEL", "info"), ("REGION_NAME", "eu-west-1")),
            ["TwoFunctionBBBBBBBB"] = Function(("API_TOKEN_SECRET_ARN", SecretArn()), ("LOG_LEVEL", "info"), ("REGION_NAME", "eu-west-1")),
            ["ThreeFunctionCCCCCCCC"] = Function(("LOG_LEVEL", "info"), ("REGION_NAME", "eu-west-1")),
            ["FourFunctionDDDDDDDD"] = Function(("REGION_NAME", "eu-west-1"), ("API_TOKEN_SECRET_ARN", SecretArn()), ("LOG_LEVEL", "info")),
            ["FiveFunctionEEEEEEEE"] = Function(("LOG_LEVEL", "info"), ("REGION_NAME", "eu-west-1")),
        });

        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingKind.VariableOnSomeCompute, finding.Kind);
        Assert.Equal("API_TOKEN", finding.Subject);
        Assert.Equal("'API_TOKEN' is set on TwoFunctionBBBBBBBB, FourFunctionDDDDDDDD but not on OneFunctionAAAAAAAA, ThreeFunctionCCCCCCCC, FiveFunctionEEEEEEEE",
            finding.Message);
    }

    [Fact]
    public void A_secret_planned_variable_set_as_a_literal_and_an_unplanned_name_are_both_found()
    {
        var report = Diff(new JsonObject
        {
            ["OneFunctionAAAAAAAA"] = Function(("API_TOKEN", "hunter2"), ("LOG_LEVEL", "info"), ("REGION_NAME", "eu-west-1")),
            ["TwoFunctionBBBBBBBB"] = Function(("API_TOKEN_SECRET_ARN", SecretArn()), ("LOG_LEVEL", "info"), ("REGION_NAME", "eu-west-1"), ("EXTRA", "x")),
            ["ThreeFunctionCCCCCCCC"] = Function(("API_TOKEN_SECRET_ARN", SecretArn()), ("LOG_LEVEL", "info"), ("REGION_NAME", "eu-west-1")),
            ["FourFunctionDDDDDDDD"] = Function(("API_TOKEN_SECRET_ARN", SecretArn()), ("LOG_LEVEL", "info"), ("REGION_NAME", "eu-west-1")),
            ["FiveFunctionEEEEEEEE"] = Function(("API_TOKEN_SECRET_ARN", SecretArn()), ("LOG_LEVEL", "info"), ("REGION_NAME", "eu-west-1"), ("EXTRA", "y")),
        });

        Assert.Equal(
            ["SecretSetAsLiteral API_TOKEN OneFunctionAAAAAAAA", "VariableNotPlanned EXTRA TwoFunctionBBBBBBBB"],
            report.Findings.Select(f => $"{f.Kind} {f.Subject} {f.InfraLocation?.LogicalId}"));
    }

    [Fact]
    public void Without_a_used_by_column_a_variable_on_some_functions_only_is_not_drift()
    {
        var report = Diff(new JsonObject
        {
            ["OneFunctionAAAAAAAA"] = Function(("LOG_LEVEL", "info"), ("REGION_NAME", "eu-west-1")),
            ["TwoFunctionBBBBBBBB"] = Function(("API_TOKEN_SECRET_ARN", SecretArn()), ("LOG_LEVEL", "info")),
            ["ThreeFunctionCCCCCCCC"] = Function(("LOG_LEVEL", "info")),
            ["FourFunctionDDDDDDDD"] = Function(("API_TOKEN_SECRET_ARN", SecretArn())),
            ["FiveFunctionEEEEEEEE"] = Function(("LOG_LEVEL", "info")),
        }, Plan.Replace(" Used by |", "", StringComparison.Ordinal).Replace(" --- |\n", "\n", StringComparison.Ordinal).Replace(" all |", "", StringComparison.Ordinal));

        Assert.Empty(report.Findings);
    }
}
