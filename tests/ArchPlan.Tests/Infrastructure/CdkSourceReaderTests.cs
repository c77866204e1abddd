using ArchPlan.Infrastructure;
using ArchPlan.Model;

namespace ArchPlan.Tests.Infrastructure;

public sealed class CdkSourceReaderTests
{
    private static InfraModel Read(string folder)
    {
        var result = InfrastructureReader.Read(folder);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Value!;
    }

    private static string AppWith(InfraTestFiles.TempFolder temp, string stackSource)
    {
        temp.Write("app/cdk.json", """{"app": "dotnet run", "context": {"dbArn": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:acme/db-AbCdEf"}}""");
        temp.Write("app/src/App/Stack.cs", stackSource);
        return Path.Combine(temp.Dir, "app");
    }

    [Fact]
    public void Reads_constructs_variables_and_secrets_of_the_sample_app_with_file_and_line()
    {
        var model = Read(InfraTestFiles.Path("csharp-app"));
        Assert.Equal(InfraSourceKind.CdkSource, model.SourceKind);
        Assert.Equal(["LeaderboardStack"], model.Stacks);

        var function = Assert.Single(model.Compute, c => c.Kind == ResourceKind.LambdaFunction);
        Assert.Equal("Snapshot", function.LogicalId);
        var env = function.Environment.ToDictionary(v => v.Name, v => v.Value);
        Assert.Equal((InfraValueKind.Context, "logLevel", "info"), (env["LOG_LEVEL"].Kind, env["LOG_LEVEL"].ContextKey, env["LOG_LEVEL"].Text));
        Assert.Equal((InfraValueKind.Reference, "SnapshotBucket", "BucketName"), (env["BUCKET_NAME"].Kind, env["BUCKET_NAME"].ResourceId, env["BUCKET_NAME"].Attribute));
        Assert.Equal((InfraValueKind.Secret, "acme/leaderboard/api-key"), (env["API_KEY_SECRET_ARN"].Kind, env["API_KEY_SECRET_ARN"].SecretName));
        var queueUrl = function.Environment.Single(v => v.Name == "QUEUE_URL").Location;
        Assert.EndsWith("LeaderboardStack.cs", queueUrl.Source.File, StringComparison.Ordinal);
        Assert.Equal(58, queueUrl.Source.Line);
        Assert.EndsWith("LeaderboardStack.cs:58", queueUrl.Display, StringComparison.Ordinal);

        var container = Assert.Single(model.Compute, c => c.ContainerName == "worker");
        Assert.Equal("WorkerTaskDef", container.LogicalId);
        var password = container.Secrets.Single(s => s.Name == "DB_PASSWORD").Value;
        Assert.Equal((InfraValueKind.Secret, "acme/db/credentials", "password"), (password.Kind, password.SecretName, password.SecretField));

        Assert.Equal("WorkerService", model.Resources.Single(r => r.LogicalId == "WorkerTaskDef").PartOf);
        Assert.Equal(InfraRole.Supporting, model.Resources.Single(r => r.LogicalId == "Vpc").Role);
        Assert.Contains(model.Secrets, s => s.Name == "acme/leaderboard/api-key" && s.Origin == SecretOrigin.Import);
        Assert.Contains(model.Secrets, s => s.Name == "acme/leaderboard/api-key" && s.Origin == SecretOrigin.PolicyResource);
    }

    [Fact]
    public void Reads_escaped_names_complete_arns_from_context_and_wildcard_statements()
    {
        using var temp = InfraTestFiles.Temp();
        var app = AppWith(temp, """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Amazon.CDK.AWS.IAM;
            using Amazon.CDK.AWS.Lambda;
            using SM = Amazon.CDK.AWS.SecretsManager;

            public class AppStack : Stack
            {
                public AppStack(Constructs.Construct scope) : base(scope, "AppStack")
                {
                    var quoted = SM.Secret.FromSecretNameV2(this, "Quoted", "acme/\u0071uoted\\name");
                    var db = SM.Secret.FromSecretCompleteArn(this, "Db", (string)this.Node.TryGetContext("dbArn"));
                    var made = new SM.Secret(this, "Made", new SM.SecretProps { SecretName = "acme/made" });
                    var fn = new Function(this, "Api", new FunctionProps { Environment = new() { ["PLAIN"] = "x" } });
                    fn.AddEnvironment("DB_SECRET_ARN", db.SecretArn);
                    fn.AddEnvironment("MADE", made.SecretName);
                    fn.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
                    {
                        Actions = new[] { "secretsmanager:GetSecretValue" },
                        Resources = new[] { "*" },
                    }));
                    var task = new FargateTaskDefinition(this, "Task");
                    var web = task.AddContainer("web", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                    web.AddSecret("QUOTED", Secret.FromSecretsManager(quoted));
                    web.AddEnvironment("LEVEL", this.Node.TryGetContext("missingKey") as string);
                }
            }
            """);
        var result = InfrastructureReader.Read(app);
        var model = result.Value!;
        Assert.Equal(["AP4009"], result.Diagnostics.Select(d => d.Id));

        Assert.Equal(["acme/db", "acme/made", "acme/quoted\\name"], model.Secrets.Select(s => s.Name).Distinct().Order(StringComparer.Ordinal));
        var fn = model.Compute.Single(c => c.LogicalId == "Api");
        Assert.Equal(["PLAIN", "DB_SECRET_ARN", "MADE"], fn.Environment.Select(v => v.Name));
        Assert.Equal("acme/db", fn.Environment[1].Value.SecretName);
        Assert.Equal(InfraValueKind.Secret, fn.Environment[2].Value.Kind);
        var grant = Assert.Single(model.WildcardGrants);
        Assert.Equal("*", grant.Resource);
        var web = model.Compute.Single(c => c.ContainerName == "web");
        Assert.Equal("acme/quoted\\name", web.Secrets.Single().Value.SecretName);
        Assert.Equal(InfraValueKind.Context, web.Environment.Single().Value.Kind);
    }

    [Fact]
    public void Reports_a_folder_without_constructs()
    {
        using var temp = InfraTestFiles.Temp();
        temp.Write("app/Program.cs", "class Program { static void Main() { } }");
        var result = InfrastructureReader.Read(Path.Combine(temp.Dir, "app"));
        Assert.Equal(["AP4011"], result.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Reports_a_folder_with_nothing_to_read()
    {
        using var temp = InfraTestFiles.Temp();
        temp.Write("empty/readme.txt", "nothing");
        var result = InfrastructureReader.Read(Path.Combine(temp.Dir, "empty"));
        Assert.Null(result.Value);
        Assert.Equal(["AP4007"], result.Diagnostics.Select(d => d.Id));
    }
}
