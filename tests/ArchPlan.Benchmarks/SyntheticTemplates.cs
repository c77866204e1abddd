using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ArchPlan.Benchmarks;

/// <summary>
/// Builds CloudFormation templates in the shape <c>cdk synth</c> writes (one-space indentation, <c>aws:cdk:path</c>
/// metadata on every resource, the CDKMetadata resource and condition, the bootstrap parameter and rule), describing the
/// resources <see cref="SyntheticPlans"/> lists: each plan resource becomes the CloudFormation resources CDK makes for
/// it (a function with its role and default policy, a queue with its dead-letter queue, a rule with its permission...).
/// </summary>
public static class SyntheticTemplates
{
    public const string Stack = "BenchStack";

    /// <summary>
    /// Writes a template of <paramref name="resources"/> resources into a fresh workspace folder named
    /// <paramref name="label"/> and returns its path, with the text of a plan of <paramref name="variables"/> variables
    /// listing the template's resources (the pair diff and tables compare).
    /// </summary>
    public static string WriteWithPlan(string label, int resources, int variables, out string planText)
    {
        var template = Path.Combine(Workspace.Create(label), $"{Stack}.template.json");
        File.WriteAllText(template, Build(resources, variables, out var planResources));
        planText = SyntheticPlans.Build(variables, planResources);
        return template;
    }

    /// <summary>A template of exactly <paramref name="resources"/> CloudFormation resources (CDKMetadata included).</summary>
    /// <param name="resources">CloudFormation resources in the template.</param>
    /// <param name="variables">The plan's variable count: functions set <c>SETTING_k</c> for k below it.</param>
    /// <param name="planResources">How many plan resources (of <see cref="SyntheticPlans"/>) the template covers.</param>
    public static string Build(int resources, int variables, out int planResources)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, IndentSize = 1 }))
        {
            json.WriteStartObject();
            json.WriteStartObject("Resources");
            var written = 0;
            var functions = 0;
            planResources = 0;
            for (var i = 0; written < resources - 1; i++)
            {
                planResources++;
                foreach (var write in Group(i, variables, functions))
                {
                    if (written == resources - 1)
                    {
                        break;
                    }
                    write(json);
                    written++;
                }
                if (i % 8 == 0)
                {
                    functions++;
                }
            }
            CdkMetadata(json);
            json.WriteEndObject();
            Tail(json);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string N(int i) => i.ToString(CultureInfo.InvariantCulture);

    /// <summary>CDK's logical id: the construct path's parts, then 8 hex digits of a hash of the path.</summary>
    private static string LogicalId(string path)
    {
        var parts = path.Split('/').Skip(1).Where(p => p is not ("Resource" or "Default"));
        uint hash = 2166136261;
        foreach (var c in path)
        {
            hash = (hash ^ c) * 16777619;
        }
        return string.Concat(parts) + hash.ToString("X8", CultureInfo.InvariantCulture);
    }

    private static IEnumerable<Action<Utf8JsonWriter>> Group(int i, int variables, int function)
    {
        var n = N(i);
        switch (i % 8)
        {
            case 0:
                var role = $"{Stack}/Worker{n}/ServiceRole/Resource";
                var policy = $"{Stack}/Worker{n}/ServiceRole/DefaultPolicy/Resource";
                var fn = $"{Stack}/Worker{n}/Resource";
                yield return w => Resource(w, role, "AWS::IAM::Role", p =>
                {
                    p.WriteStartObject("AssumeRolePolicyDocument");
                    p.WriteStartArray("Statement");
                    Statement(p, "sts:AssumeRole", null, principal: "lambda.amazonaws.com");
                    p.WriteEndArray();
                    p.WriteString("Version", "2012-10-17");
                    p.WriteEndObject();
                    p.WriteStartArray("ManagedPolicyArns");
                    Join(p, "arn:", Ref("AWS::Partition"), ":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
                    p.WriteEndArray();
                });
                yield return w => Resource(w, policy, "AWS::IAM::Policy", p =>
                {
                    p.WriteStartObject("PolicyDocument");
                    p.WriteStartArray("Statement");
                    Statement(p, "secretsmanager:GetSecretValue", q => SecretArn(q, function % 2));
                    Statement(p, "s3:GetObject*", q => GetAtt(q, LogicalId($"{Stack}/Store{N(i + 1)}/Resource"), "Arn"));
                    p.WriteEndArray();
                    p.WriteString("Version", "2012-10-17");
                    p.WriteEndObject();
                    p.WriteString("PolicyName", LogicalId(policy));
                    p.WriteStartArray("Roles");
                    Ref(p, LogicalId(role));
                    p.WriteEndArray();
                }, dependsOn: null);
                yield return w => Resource(w, fn, "AWS::Lambda::Function", p =>
                {
                    p.WriteStartObject("Code");
                    p.WritePropertyName("S3Bucket");
                    Sub(p, "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}");
                    p.WriteString("S3Key", $"{LogicalId(fn).ToLowerInvariant()}0123456789abcdef0123456789abcdef0123456789.zip");
                    p.WriteEndObject();
                    p.WriteStartObject("Environment");
                    p.WriteStartObject("Variables");
                    for (var j = 0; j < Math.Min(10, variables); j++)
                    {
                        var k = (function * 10 + j) % variables;
                        var name = "SETTING_" + N(k);
                        switch (k % 4)
                        {
                            case 0:
                                p.WriteString(name, "value-" + N(k));
                                break;
                            case 1:
                                p.WritePropertyName(name);
                                Ref(p, LogicalId($"{Stack}/Store{N(i + 1)}/Resource"));
                                break;
                            case 2:
                                p.WritePropertyName(name + "_SECRET_ARN");
                                SecretArn(p, k % 2);
                                break;
                            default:
                                p.WriteString(name, N(k * 7));
                                break;
                        }
                    }
                    p.WritePropertyName("TABLE_NAME");
                    Ref(p, LogicalId($"{Stack}/Table{N(i + 2)}/Resource"));
                    p.WriteEndObject();
                    p.WriteEndObject();
                    p.WriteString("Handler", "index.handler");
                    p.WriteNumber("MemorySize", 512);
                    p.WritePropertyName("Role");
                    GetAtt(p, LogicalId(role), "Arn");
                    p.WriteString("Runtime", "python3.12");
                    p.WriteNumber("Timeout", 300);
                }, dependsOn: [LogicalId(policy), LogicalId(role)]);
                break;
            case 1:
                yield return w => Resource(w, $"{Stack}/Store{n}/Resource", "AWS::S3::Bucket", p =>
                {
                    p.WriteStartObject("BucketEncryption");
                    p.WriteStartArray("ServerSideEncryptionConfiguration");
                    p.WriteStartObject();
                    p.WriteStartObject("ServerSideEncryptionByDefault");
                    p.WriteString("SSEAlgorithm", "AES256");
                    p.WriteEndObject();
                    p.WriteEndObject();
                    p.WriteEndArray();
                    p.WriteEndObject();
                }, retain: true);
                break;
            case 2:
                yield return w => Resource(w, $"{Stack}/Table{n}/Resource", "AWS::DynamoDB::Table", p =>
                {
                    p.WriteStartArray("AttributeDefinitions");
                    p.WriteStartObject();
                    p.WriteString("AttributeName", "pk");
                    p.WriteString("AttributeType", "S");
                    p.WriteEndObject();
                    p.WriteEndArray();
                    p.WriteString("BillingMode", "PAY_PER_REQUEST");
                    p.WriteStartArray("KeySchema");
                    p.WriteStartObject();
                    p.WriteString("AttributeName", "pk");
                    p.WriteString("KeyType", "HASH");
                    p.WriteEndObject();
                    p.WriteEndArray();
                }, retain: true);
                break;
            case 3:
                var dlq = $"{Stack}/Jobs{n}/DeadLetterQueue/Resource";
                yield return w => Resource(w, dlq, "AWS::SQS::Queue", p => p.WriteNumber("MessageRetentionPeriod", 1209600), retain: false);
                yield return w => Resource(w, $"{Stack}/Jobs{n}/Resource", "AWS::SQS::Queue", p =>
                {
                    p.WriteStartObject("RedrivePolicy");
                    p.WritePropertyName("deadLetterTargetArn");
                    GetAtt(p, LogicalId(dlq), "Arn");
                    p.WriteNumber("maxReceiveCount", 3);
                    p.WriteEndObject();
                    p.WriteNumber("VisibilityTimeout", 300);
                }, retain: false);
                break;
            case 4:
                yield return w => Resource(w, $"{Stack}/Alerts{n}/Resource", "AWS::SNS::Topic", null);
                break;
            case 5:
                var rule = $"{Stack}/Schedule{n}/Resource";
                var target = LogicalId($"{Stack}/Worker{N(i - 5)}/Resource");
                yield return w => Resource(w, rule, "AWS::Events::Rule", p =>
                {
                    p.WriteString("ScheduleExpression", "cron(0 10 * * ? *)");
                    p.WriteString("State", "ENABLED");
                    p.WriteStartArray("Targets");
                    p.WriteStartObject();
                    p.WritePropertyName("Arn");
                    GetAtt(p, target, "Arn");
                    p.WriteString("Id", "Target0");
                    p.WriteEndObject();
                    p.WriteEndArray();
                });
                yield return w => Resource(w, $"{Stack}/Schedule{n}/AllowEventRule{Stack}Worker{N(i - 5)}/Default", "AWS::Lambda::Permission", p =>
                {
                    p.WriteString("Action", "lambda:InvokeFunction");
                    p.WritePropertyName("FunctionName");
                    GetAtt(p, target, "Arn");
                    p.WriteString("Principal", "events.amazonaws.com");
                    p.WritePropertyName("SourceArn");
                    GetAtt(p, LogicalId(rule), "Arn");
                });
                break;
            case 6:
                yield return w => Resource(w, $"{Stack}/Errors{n}/Resource", "AWS::CloudWatch::Alarm", p =>
                {
                    p.WriteStartArray("AlarmActions");
                    Ref(p, LogicalId($"{Stack}/Alerts{N(i - 2)}/Resource"));
                    p.WriteEndArray();
                    p.WriteString("ComparisonOperator", "GreaterThanOrEqualToThreshold");
                    p.WriteNumber("EvaluationPeriods", 1);
                    p.WriteString("MetricName", "Errors");
                    p.WriteString("Namespace", "AWS/Lambda");
                    p.WriteNumber("Period", 300);
                    p.WriteString("Statistic", "Sum");
                    p.WriteNumber("Threshold", 1);
                });
                break;
            default:
                var smRole = $"{Stack}/Flow{n}/Role/Resource";
                yield return w => Resource(w, smRole, "AWS::IAM::Role", p =>
                {
                    p.WriteStartObject("AssumeRolePolicyDocument");
                    p.WriteStartArray("Statement");
                    Statement(p, "sts:AssumeRole", null, principal: "states.amazonaws.com");
                    p.WriteEndArray();
                    p.WriteString("Version", "2012-10-17");
                    p.WriteEndObject();
                });
                yield return w => Resource(w, $"{Stack}/Flow{n}/Resource", "AWS::StepFunctions::StateMachine", p =>
                {
                    p.WriteString("DefinitionString", "{\"StartAt\":\"Pass\",\"States\":{\"Pass\":{\"Type\":\"Pass\",\"End\":true}}}");
                    p.WritePropertyName("RoleArn");
                    GetAtt(p, LogicalId(smRole), "Arn");
                }, retain: false);
                break;
        }
    }

    private static void Resource(Utf8JsonWriter w, string path, string type, Action<Utf8JsonWriter>? properties,
        string[]? dependsOn = null, bool? retain = null)
    {
        w.WriteStartObject(LogicalId(path));
        w.WriteString("Type", type);
        if (properties is not null)
        {
            w.WriteStartObject("Properties");
            properties(w);
            w.WriteEndObject();
        }
        if (dependsOn is not null)
        {
            w.WriteStartArray("DependsOn");
            foreach (var d in dependsOn)
            {
                w.WriteStringValue(d);
            }
            w.WriteEndArray();
        }
        if (retain is not null)
        {
            w.WriteString("UpdateReplacePolicy", retain.Value ? "Retain" : "Delete");
            w.WriteString("DeletionPolicy", retain.Value ? "Retain" : "Delete");
        }
        w.WriteStartObject("Metadata");
        w.WriteString("aws:cdk:path", path);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Statement(Utf8JsonWriter w, string action, Action<Utf8JsonWriter>? resource, string? principal = null)
    {
        w.WriteStartObject();
        w.WriteString("Action", action);
        w.WriteString("Effect", "Allow");
        if (principal is not null)
        {
            w.WriteStartObject("Principal");
            w.WriteString("Service", principal);
            w.WriteEndObject();
        }
        if (resource is not null)
        {
            w.WritePropertyName("Resource");
            resource(w);
        }
        w.WriteEndObject();
    }

    private static void SecretArn(Utf8JsonWriter w, int secret) =>
        Join(w, "arn:", Ref("AWS::Partition"), ":secretsmanager:", Ref("AWS::Region"), ":", Ref("AWS::AccountId"),
            $":secret:bench/secret{N(secret)}/credentials");

    private static Action<Utf8JsonWriter> Ref(string target) => w => Ref(w, target);

    private static void Ref(Utf8JsonWriter w, string target)
    {
        w.WriteStartObject();
        w.WriteString("Ref", target);
        w.WriteEndObject();
    }

    private static void GetAtt(Utf8JsonWriter w, string target, string attribute)
    {
        w.WriteStartObject();
        w.WriteStartArray("Fn::GetAtt");
        w.WriteStringValue(target);
        w.WriteStringValue(attribute);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Sub(Utf8JsonWriter w, string text)
    {
        w.WriteStartObject();
        w.WriteString("Fn::Sub", text);
        w.WriteEndObject();
    }

    private static void Join(Utf8JsonWriter w, params object[] parts)
    {
        w.WriteStartObject();
        w.WriteStartArray("Fn::Join");
        w.WriteStringValue("");
        w.WriteStartArray();
        foreach (var part in parts)
        {
            if (part is string s)
            {
                w.WriteStringValue(s);
            }
            else
            {
                ((Action<Utf8JsonWriter>)part)(w);
            }
        }
        w.WriteEndArray();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void CdkMetadata(Utf8JsonWriter w)
    {
        w.WriteStartObject("CDKMetadata");
        w.WriteString("Type", "AWS::CDK::Metadata");
        w.WriteStartObject("Properties");
        w.WriteString("Analytics", "v2:deflate64:H4sIAAAAAAAA/02OzQ6CMBCEn4V7WQEPXgn3JgSNd1LWLnJQSW1Jm+XvbpF4Is5udDGpLrSBpBmS4fZdSbbTnc7q2zk9TIHj6fuu0+0rGnHpGTcChA2kNrLbKxqbcZjZNHuXdpGdlFKEj6ckvzoOHFFF1UujZmN7vCVMkZ1zzgmiU+YdXeFHjB0NV5RGdqZr7/+BxSOK4yWpHV8lsAAAA==");
        w.WriteEndObject();
        w.WriteStartObject("Metadata");
        w.WriteString("aws:cdk:path", $"{Stack}/CDKMetadata/Default");
        w.WriteEndObject();
        w.WriteString("Condition", "CDKMetadataAvailable");
        w.WriteEndObject();
    }

    private static void Tail(Utf8JsonWriter w)
    {
        w.WriteStartObject("Conditions");
        w.WriteStartObject("CDKMetadataAvailable");
        w.WriteStartArray("Fn::Or");
        foreach (var group in new[]
        {
            new[] { "af-south-1", "ap-east-1", "ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ca-central-1", "cn-north-1", "cn-northwest-1" },
            new[] { "eu-central-1", "eu-north-1", "eu-south-1", "eu-west-1", "eu-west-2", "eu-west-3", "me-south-1", "sa-east-1", "us-east-1", "us-east-2" },
            new[] { "us-west-1", "us-west-2" },
        })
        {
            w.WriteStartObject();
            w.WriteStartArray("Fn::Or");
            foreach (var region in group)
            {
                w.WriteStartObject();
                w.WriteStartArray("Fn::Equals");
                Ref(w, "AWS::Region");
                w.WriteStringValue(region);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("Parameters");
        w.WriteStartObject("BootstrapVersion");
        w.WriteString("Type", "AWS::SSM::Parameter::Value<String>");
        w.WriteString("Default", "/cdk-bootstrap/hnb659fds/version");
        w.WriteString("Description", "Version of the CDK Bootstrap resources in this environment, automatically retrieved from SSM Parameter Store. [cdk:skip]");
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("Rules");
        w.WriteStartObject("CheckBootstrapVersion");
        w.WriteStartArray("Assertions");
        w.WriteStartObject();
        w.WriteStartObject("Assert");
        w.WriteStartArray("Fn::Not");
        w.WriteStartObject();
        w.WriteStartArray("Fn::Contains");
        w.WriteStartArray();
        foreach (var v in new[] { "1", "2", "3", "4", "5" })
        {
            w.WriteStringValue(v);
        }
        w.WriteEndArray();
        Ref(w, "BootstrapVersion");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteString("AssertDescription", "CDK bootstrap stack version 6 required. Please run 'cdk bootstrap' with a recent version of the CDK CLI.");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
