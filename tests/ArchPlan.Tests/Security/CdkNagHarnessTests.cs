using ArchPlan.Tests.Support;

namespace ArchPlan.Tests.Security;

/// <summary>
/// The cdk-nag harness (tests/nag/nag.js) on small hand-written templates: it reports AwsSolutions errors, and a
/// resource's <c>cdk_nag.rules_to_suppress</c> metadata (the form generated apps write) acknowledges exactly the findings it
/// names, with their reason.
/// </summary>
public sealed class CdkNagHarnessTests
{
    private const string Bucket = """
        {
          "Resources": {
            "Data": {
              "Type": "AWS::S3::Bucket",
              "Properties": { "PublicAccessBlockConfiguration": { "BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true, "RestrictPublicBuckets": true } }
              METADATA
            },
            "Worker": {
              "Type": "AWS::IAM::Policy",
              "Properties": {
                "PolicyName": "worker",
                "Roles": [ "some-role" ],
                "PolicyDocument": { "Version": "2012-10-17", "Statement": [
                  { "Effect": "Allow", "Action": [ "s3:GetObject*", "s3:PutObject" ], "Resource": { "Fn::Join": [ "", [ { "Fn::GetAtt": [ "Data", "Arn" ] }, "/*" ] ] } } ] }
              }
              POLICY_METADATA
            }
          }
        }
        """;

    [Fact]
    public void Reports_a_bucket_without_access_logs_and_each_wildcard_of_a_policy_as_open_errors()
    {
        var findings = Review(Bucket.Replace("POLICY_METADATA", "").Replace("METADATA", ""));

        Assert.Contains(findings, f => f is { Rule: "AwsSolutions-S1", Resource: "Data", Type: "AWS::S3::Bucket", IsOpenError: true });
        Assert.Contains(findings, f => f is { Rule: "AwsSolutions-IAM5[Action::s3:GetObject*]", Resource: "Worker", IsOpenError: true });
        Assert.Contains(findings, f => f is { Rule: "AwsSolutions-IAM5[Resource::<Data.Arn>/*]", Resource: "Worker", IsOpenError: true });
    }

    [Fact]
    public void Cdk_nag_metadata_acknowledges_exactly_the_findings_it_names_with_their_reason()
    {
        var template = Bucket
            .Replace("POLICY_METADATA", """, "Metadata": { "cdk_nag": { "rules_to_suppress": [ { "id": "AwsSolutions-IAM5", "reason": "grant", "applies_to": [ "Resource::<Data.Arn>/*" ] } ] } }""")
            .Replace("METADATA", """, "Metadata": { "cdk_nag": { "rules_to_suppress": [ { "id": "AwsSolutions-S1", "reason": "logs bucket" } ] } }""");

        var findings = Review(template);

        Assert.Contains(findings, f => f is { Rule: "AwsSolutions-S1", Resource: "Data", Suppressed: true, Reason: "logs bucket" });
        Assert.Contains(findings, f => f is { Rule: "AwsSolutions-IAM5[Resource::<Data.Arn>/*]", Suppressed: true, Reason: "grant" });
        // Not named by applies_to: still open.
        Assert.Contains(findings, f => f is { Rule: "AwsSolutions-IAM5[Action::s3:GetObject*]", IsOpenError: true });
    }

    private static IReadOnlyList<NagFinding> Review(string template)
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "stack.template.json");
        File.WriteAllText(path, template);
        return CdkNag.Review([path])[path];
    }
}
