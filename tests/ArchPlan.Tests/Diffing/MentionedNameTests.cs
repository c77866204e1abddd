using ArchPlan.Diffing;
using ArchPlan.Infrastructure;
using ArchPlan.Model;
using ArchPlan.Reading;
using ArchPlan.Tests.Infrastructure;

namespace ArchPlan.Tests.Diffing;

/// <summary>
/// Names a document gives only in prose (code spans in paragraphs) are never read as resources or variables, but diff
/// does not report infrastructure of those names as "not in the plan"; resources named only by their service are
/// looked for by kind.
/// </summary>
public sealed class MentionedNameTests
{
    private const string Plan = """
        # Reports service

        ## AWS Resources

        - **Amazon S3** for the uploaded statements
        - Lambda function `statement-parser` that reads each upload

        ## Environment Variables

        | Variable | Value |
        | --- | --- |
        | `PARSER_MODE` | `strict` |

        ## Operations

        The `nightly-digest` Lambda runs every night and reads `DIGEST_WINDOW` from its environment. Tuning
        settings reach the parser as `PARSER_TUNING_*` variables.
        """;

    private static string Function(string id, string name, params (string Name, string Value)[] variables) => $$"""
        "{{id}}": {
          "Type": "AWS::Lambda::Function",
          "Properties": {
            "FunctionName": "{{name}}",
            "Environment": { "Variables": { {{string.Join(", ", variables.Select(v => $"\"{v.Name}\": \"{v.Value}\""))}} } }
          },
          "Metadata": { "aws:cdk:path": "ReportsStack/{{id[..^8]}}/Resource" }
        }
        """;

    private static string Resource(string id, string type, string nameProperty, string name) => $$"""
        "{{id}}": {
          "Type": "{{type}}",
          "Properties": { "{{nameProperty}}": "{{name}}" },
          "Metadata": { "aws:cdk:path": "ReportsStack/{{id[..^8]}}/Resource" }
        }
        """;

    private static (Plan Plan, DiffReport Report) Diff(params string[] resources)
    {
        using var temp = InfraTestFiles.Temp();
        var template = Path.Combine(temp.Dir, "ReportsStack.template.json");
        File.WriteAllText(template, $$"""{ "Resources": { {{string.Join(",\n", resources)}} } }""");
        var plan = PlanReader.Parse(Plan, "plan.md").Value!;
        var infra = InfrastructureReader.Read(template);
        Assert.False(infra.HasErrors, string.Join("\n", infra.Diagnostics));
        return (plan, PlanDiffer.Diff(plan, infra.Value!));
    }

    private static string[] Summary(DiffReport report) => [.. report.Findings.Select(f => $"{f.Kind} {f.Subject}")];

    private static readonly string Parser = Function("ParserFn0A1B2C3D", "statement-parser", ("PARSER_MODE", "strict"));
    private static readonly string Bucket = Resource("Statements1A2B3C4D", "AWS::S3::Bucket", "BucketName", "reports-statements");

    [Fact]
    public void The_infrastructure_the_plan_lists_matches_with_no_finding()
    {
        var (_, report) = Diff(Parser, Bucket);
        Assert.Empty(Summary(report));
    }

    [Fact]
    public void A_function_and_variable_named_only_in_a_paragraph_are_neither_read_nor_unplanned()
    {
        var (plan, report) = Diff(Parser, Bucket, Function("DigestFn4E5F6A7B", "nightly-digest", ("DIGEST_WINDOW", "24h"), ("DIGEST_FORMAT", "html")));

        Assert.DoesNotContain(plan.Resources, r => r.Name == "nightly-digest");
        Assert.DoesNotContain(plan.Variables, v => v.Name == "DIGEST_WINDOW");
        // DIGEST_FORMAT is named nowhere: it stays drift.
        Assert.Equal(["VariableNotPlanned DIGEST_FORMAT"], Summary(report));
    }

    [Fact]
    public void A_family_named_by_its_prefix_in_a_paragraph_covers_its_variables()
    {
        var (_, report) = Diff(Function("ParserFn0A1B2C3D", "statement-parser", ("PARSER_MODE", "strict"), ("PARSER_TUNING_BATCH", "50"), ("PARSER_RETRIES", "3")), Bucket);
        Assert.Equal(["VariableNotPlanned PARSER_RETRIES"], Summary(report));
    }

    [Fact]
    public void A_resource_named_by_its_service_only_is_looked_for_by_kind()
    {
        var (plan, report) = Diff(Parser, Bucket);
        Assert.Contains(plan.Resources, r => r.Kind == ResourceKind.S3Bucket && r.NameIsDerived);
        Assert.Empty(Summary(report));

        var (_, without) = Diff(Parser);
        Assert.Equal(["ResourceNotFound uploaded-statements"], Summary(without));
    }

    [Fact]
    public void An_unplanned_resource_no_code_span_names_is_still_reported()
    {
        var (_, report) = Diff(Parser, Bucket, Resource("AuditQueue5C6D7E8F", "AWS::SQS::Queue", "QueueName", "reports-audit"));
        Assert.Equal(["ResourceNotPlanned reports-audit"], Summary(report));
    }
}
