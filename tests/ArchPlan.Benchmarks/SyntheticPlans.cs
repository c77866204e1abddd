using System.Globalization;
using System.Text;

namespace ArchPlan.Benchmarks;

/// <summary>Builds plans of a chosen size in the template's shape, for scale sweeps.</summary>
public static class SyntheticPlans
{
    private static readonly string[] ResourceLines =
    [
        "- **Lambda Function** `worker-{0}` — Python 3.12, 512 MB, timeout 5 min",
        "- **S3 Bucket** `store-{0}` — snapshots written by worker-{0}",
        "- **DynamoDB Table** `table-{0}` — on-demand",
        "- **SQS Queue** `jobs-{0}` with a dead-letter queue, consumed by worker-{0}",
        "- **SNS Topic** `alerts-{0}` for alarms",
        "- **EventBridge Rule** `schedule-{0}` — daily at 10:00 AM UTC, triggers worker-{0}",
        "- **CloudWatch Alarm** `errors-{0}` on worker-{0} errors, notifies alerts-{0}",
        "- **Step Functions State Machine** `flow-{0}`",
    ];

    public static string Build(int variables, int resources, int secrets = 2, string product = "bench")
    {
        var text = new StringBuilder();
        text.Append("---\ntitle: Synthetic plan\ndate: 2026-01-15\nstatus: active\nauthor: Bench Mark\nproduct: ").Append(product).Append("\n---\n\n");
        text.Append("# Synthetic plan\n\n## Overview\n\nA plan generated for benchmarks.\n\n---\n\n## Infrastructure (CDK/Terraform)\n\n### AWS Resources\n\n");
        for (var i = 0; i < resources; i++)
        {
            text.AppendFormat(CultureInfo.InvariantCulture, ResourceLines[i % ResourceLines.Length], i).Append('\n');
        }
        text.Append("\n### CDK Stack Structure\n\n```\napps/").Append(product).Append("/infra/cdk/\n└── lib/\n    └── ").Append(product).Append("-stack.ts\n```\n\n---\n\n## Configuration\n\n### Environment Variables\n\n");
        text.Append("| Variable | Description | Example | Required |\n| --- | --- | --- | --- |\n");
        for (var i = 0; i < variables; i++)
        {
            var value = (i % 4) switch
            {
                0 => "`value-" + i.ToString(CultureInfo.InvariantCulture) + "`",
                1 => "_(from S3 bucket)_",
                2 => "_(Secrets Manager)_",
                _ => "`" + (i * 7).ToString(CultureInfo.InvariantCulture) + "`",
            };
            text.AppendFormat(CultureInfo.InvariantCulture, "| `SETTING_{0}` | Setting number {0} | {1} | {2} |\n", i, value, i % 2 == 0 ? "Yes" : "No");
        }
        text.Append("\n### Secrets (AWS Secrets Manager)\n\n| Secret Name | Description | Format |\n| --- | --- | --- |\n");
        for (var i = 0; i < secrets; i++)
        {
            text.AppendFormat(CultureInfo.InvariantCulture, "| `bench/secret{0}/credentials` | Secret {0} | JSON: `{{username, password}}` |\n", i);
        }
        text.Append("\n---\n\n## Cost Analysis\n\n| Resource | Cost | Justification |\n| --- | --- | --- |\n| **Total** | **$5** | |\n");
        return text.ToString();
    }
}
