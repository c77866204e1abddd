using ArchPlan.Cli;
using ArchPlan.Tests.Support;
using static ArchPlan.Tests.Consistency.ConsistencyPlans;

namespace ArchPlan.Tests.Kinds;

/// <summary>
/// Who may call a generated API: open only when the plan says so (acknowledged with its words and line), otherwise
/// IAM-signed requests, the secure default; an authorizer the plan names but cannot be built from it is told, not guessed.
/// </summary>
public sealed class ApiAuthorizationTests
{
    [Theory]
    [InlineData("HTTP API, fronts `orders-fn`", "DefaultAuthorizer = new HttpAuthorizers::HttpIamAuthorizer()", "info AP3056: API 'orders-api' requires IAM (SigV4-signed) requests")]
    [InlineData("REST API, fronts `orders-fn`", "AuthorizationType = RestApis::AuthorizationType.IAM", "info AP3056")]
    [InlineData("REST API with IAM auth, fronts `orders-fn`", "AuthorizationType = RestApis::AuthorizationType.IAM", null)]
    [InlineData("HTTP API with a JWT authorizer, fronts `orders-fn`", "DefaultAuthorizer = new HttpAuthorizers::HttpIamAuthorizer()", "not generated from the plan: \"JWT authorizer\"")]
    [InlineData("public HTTP API behind a Cognito authorizer, fronts `orders-fn`", "DefaultAuthorizer = new HttpAuthorizers::HttpIamAuthorizer()", "not generated from the plan: \"Cognito authorizer\"")]
    public void An_API_the_plan_does_not_call_public_requires_IAM_signed_requests(string item, string code, string? said)
    {
        var (generate, stack) = Generate(item);

        Assert.Equal(CliApp.Success, generate.ExitCode);
        Assert.Contains(code, stack, StringComparison.Ordinal);
        if (said is not null)
        {
            Assert.Contains(said, generate.Out, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("AP3056", generate.Out, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Public HTTP API, fronts `orders-fn`", "Public", "AwsSolutions-APIG4")]
    [InlineData("REST API open to the internet with no auth, fronts `orders-fn`", "open to the internet", "AwsSolutions-COG4")]
    [InlineData("HTTP API for anonymous callers, fronts `orders-fn`", "anonymous", "AwsSolutions-APIG4")]
    public void An_API_the_plan_calls_public_is_open_and_the_choice_is_acknowledged_with_the_plans_words(string item, string words, string rule)
    {
        var (generate, stack) = Generate(item);

        Assert.Equal(CliApp.Success, generate.ExitCode);
        Assert.DoesNotContain("HttpIamAuthorizer()", stack, StringComparison.Ordinal);
        Assert.DoesNotContain("AuthorizationType.IAM", stack, StringComparison.Ordinal);
        Assert.DoesNotContain("AP3056", generate.Out, StringComparison.Ordinal);
        Assert.Contains($"\"{rule}\", \"The plan (line 16) says API OrdersApi is open to callers: its routes take no authorization.", stack, StringComparison.Ordinal);
        Assert.Contains(words, item, StringComparison.Ordinal); // the words that said so; reasons carry lines, never plan text
    }

    [Fact]
    public void A_public_subnet_or_key_is_not_a_public_API()
    {
        var (_, stack) = Generate("HTTP API in a public subnet's VPC link, signed with the public key of `orders-fn`, fronts `orders-fn`");

        Assert.Contains("HttpIamAuthorizer()", stack, StringComparison.Ordinal);
    }

    private static (CliRunner.Result Generate, string Stack) Generate(string item)
    {
        using var temp = new TempFolder();
        var plan = temp.File("plan.md", Plan($"- **Lambda Function** `orders-fn` (Python 3.13) — handles orders\n- **API Gateway** `orders-api` — {item}"));
        var generate = CliRunner.Run("generate", plan, "--output", temp.Path, "-v");
        var files = Directory.GetFiles(temp.Path, "*Stack.g.cs", SearchOption.AllDirectories);
        return (generate, files.Length == 1 ? File.ReadAllText(files[0]) : "");
    }
}
