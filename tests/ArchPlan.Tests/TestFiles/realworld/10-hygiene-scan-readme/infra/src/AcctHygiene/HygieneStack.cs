using System.Collections.Generic;
using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace AcctHygiene
{
    /// <summary>The scanner Lambda and the rule that starts it every night.</summary>
    public partial class HygieneStack : Stack
    {
        internal HygieneStack(Construct scope, string id, IStackProps props = null) : base(scope, id, props)
        {
            // Both buckets belong to other teams' stacks; we only read them.
            var patchReports = Bucket.FromBucketName(this, "PatchReports", "acct-hygiene-dev-patch-reports");
            var keyAudits = Bucket.FromBucketName(this, "KeyAudits", "acct-hygiene-key-audit-dev");

            var scanner = new Function(this, "HygieneScan", new FunctionProps
            {
                FunctionName = "hygiene-scan",
                Runtime = Runtime.PYTHON_3_12,
                Handler = "hygiene.handler",
                Code = Code.FromAsset("../src"),
                MemorySize = 512,
                Timeout = Duration.Minutes(5),
                LogRetention = RetentionDays.ONE_MONTH,
                Environment = new Dictionary<string, string>
                {
                    ["SCAN_REGION"] = "eu-west-2",
                    ["PUBLISH_TO_SNS"] = "true",
                    ["FAILURES_ONLY"] = "false",
                    ["SKIP_BUCKETS"] = "acct-hygiene-cloudtrail-logs",
                    ["PATCH_REPORT_BUCKET"] = "acct-hygiene-dev-patch-reports",
                    ["KEY_AUDIT_BUCKET"] = "acct-hygiene-key-audit-dev",
                },
            });

            scanner.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Actions = new[] { "ec2:DescribeVolumes", "ec2:DescribeSnapshots", "rds:DescribeDBSnapshots", "iam:ListUsers", "iam:ListAccessKeys", "iam:ListUserTags" },
                Resources = new[] { "*" },
            }));
            patchReports.GrantRead(scanner);
            keyAudits.GrantRead(scanner);

            new Rule(this, "HygieneNightly", new RuleProps
            {
                RuleName = "hygiene-nightly",
                Schedule = Schedule.Expression((string)Node.TryGetContext("scanSchedule")),
                Targets = new IRuleTarget[] { new LambdaFunction(scanner) },
            });

            AddReporting(scanner);
        }
    }
}
