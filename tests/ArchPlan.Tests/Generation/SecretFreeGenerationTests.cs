using ArchPlan.Cli;
using ArchPlan.Generation.Templates;
using ArchPlan.Reading;
using ArchPlan.Tests.Support;
using ArchPlan.Tests.Tables;
using ArchPlan.Tests.Validation;

namespace ArchPlan.Tests.Generation;

/// <summary>
/// The generated app never holds a credential (README, comments, C#, cdk.json), even when the generator is handed a plan
/// that <c>check</c> would refuse; and plan text the AWS CDK would read as a token stays text.
/// </summary>
public sealed class SecretFreeGenerationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("archplan-secret-free-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string PlanWithCredentials() =>
        Plans.With(
            string.Join('\n', Plans.Variables.Split('\n').Take(2)) + "\n"
            + "| `ORDERS_TABLE` | Table the orders live in; key " + CredentialPatterns.AwsKeyId + " | _(from DynamoDB table)_ | Yes |\n"
            + "| `HOOK_URL` | Posts to " + CredentialPatterns.SlackWebhook + " | `" + CredentialPatterns.SendGrid + "` | No |\n"
            + "| `NPM_SETTING` | Registry auth " + CredentialPatterns.Basic + " | `" + CredentialPatterns.Npm + "` | No |")
        .Replace("Python 3.12, 256 MB", "Python 3.12, 256 MB, deploy token " + CredentialPatterns.GitLab, StringComparison.Ordinal);

    [Fact]
    public void No_generated_file_holds_a_credential_from_descriptions_values_or_resource_text()
    {
        var plan = PlanReader.Parse(PlanWithCredentials(), "plan.md").Value!;

        var files = GenerationTestHelpers.GenerateFiles(plan);

        var readme = files.Single(f => f.Key.EndsWith("/README.md", StringComparison.Ordinal) && !f.Key.Contains("handlers", StringComparison.Ordinal)).Value.Content;
        Assert.Contains("HOOK_URL", readme, StringComparison.Ordinal);
        Assert.Contains("<redacted: ", string.Concat(files.Values.Select(f => f.Content)), StringComparison.Ordinal);
        foreach (var file in files.Values)
        {
            foreach (var secret in new[] { CredentialPatterns.AwsKeyId, "FakeFake1234FakeFake5678", CredentialPatterns.SendGrid, CredentialPatterns.Npm, CredentialPatterns.Basic[6..], CredentialPatterns.GitLab })
            {
                Assert.False(file.Content.Contains(secret, StringComparison.Ordinal), $"{file.RelativePath} holds a credential ({secret[..4]}…)");
            }
        }
    }

    [Fact]
    public void Generate_refuses_such_a_plan_without_echoing_the_credentials_and_writes_nothing()
    {
        var plan = Path.Combine(_dir, "plan.md");
        File.WriteAllText(plan, PlanWithCredentials());
        var output = Path.Combine(_dir, "out");

        var result = CliRunner.Run("generate", plan, "--output", output);

        Assert.Equal(CliApp.Failure, result.ExitCode);
        Assert.Contains("AP2016", result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(CredentialPatterns.Npm, result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(CredentialPatterns.SendGrid, result.Out + result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(output, "apps")));
    }

    [Fact]
    public void Text_the_cdk_reads_as_a_token_reaches_cdk_json_as_written_and_is_handed_to_the_cdk_with_fn_sub()
    {
        var plan = PlanReader.Parse(Plans.With(Plans.Variables + "\n| `REGION_TEXT` | Literal | `${Token[AWS.Region.6]}` | No |"), "plan.md").Value!;

        var files = GenerationTestHelpers.GenerateFiles(plan);

        var cdkJson = files.Single(f => f.Key.EndsWith("/cdk.json", StringComparison.Ordinal)).Value.Content;
        Assert.Contains("\"REGION_TEXT\": \"${Token[AWS.Region.6]}\"", cdkJson, StringComparison.Ordinal);
        var settings = files.Single(f => f.Key.EndsWith("/PlanSettings.g.cs", StringComparison.Ordinal)).Value.Content;
        Assert.Contains("return value is null ? null : Literal(value);", settings, StringComparison.Ordinal);
        Assert.Contains("global::Amazon.CDK.Fn.Sub(value.Replace(\"${\", \"${!\", StringComparison.Ordinal))", settings, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eu-west-1", "\"eu-west-1\"")]
    [InlineData("${Token[AWS.Region.6]}", "Cdk::Fn.Sub(\"${!Token[AWS.Region.6]}\")")]
    [InlineData("a ${Token[TOKEN.123]} and ${HOME}", "Cdk::Fn.Sub(\"a ${!Token[TOKEN.123]} and ${!HOME}\")")]
    public void Construct_properties_holding_token_text_are_written_with_fn_sub(string text, string expected)
    {
        Assert.Equal(expected, CSharpText.PropertyText(text));
    }
}
