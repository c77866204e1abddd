using ArchPlan.Cli;
using ArchPlan.Model;
using ArchPlan.Tests.Support;
using static ArchPlan.Tests.Consistency.ConsistencyPlans;

namespace ArchPlan.Tests.Reading;

/// <summary>A row whose values are per environment only: the secret each names is the one wired, never a guess by JSON field.</summary>
public sealed class PerEnvironmentSecretBindingTests
{
    private const string Configuration = """
        ### Environment Variables

        | Name | Description | dev | prod | Required |
        | --- | --- | --- | --- | --- |
        | `DB_USERNAME` | Database user | _(from secret [product]/db/credentials)_ | _(from secret [product]/db/credentials)_ | Yes |
        | `SMTP_PASSWORD` | Mail password | _(from secret [product]/smtp/password)_ | _(from secret [product]/smtp/password)_ | Yes |

        ### Secrets

        | Name | Purpose | Format |
        | --- | --- | --- |
        | [product]/db/credentials | Database login | JSON: `{username, password}` |
        | [product]/smtp/password | Mail login | plain text |
        """;

    [Fact]
    public void The_secret_named_in_each_environment_is_wired_not_the_one_whose_JSON_field_shares_the_last_word()
    {
        var text = Plan("- **Lambda Function** `mailer` (Python 3.13) — sends mail", configuration: Configuration);
        var plan = ArchPlan.Reading.PlanReader.Parse(text, "plan.md").Value!;
        using var temp = new TempFolder();

        var generate = CliRunner.Run("generate", temp.File("plan.md", text), "--output", temp.Path, "-v");

        var smtp = plan.Variables.Single(v => v.Name == "SMTP_PASSWORD");
        Assert.NotEqual("orders/db/credentials", smtp.Value.Secret);
        Assert.All(smtp.PerEnvironment, e => Assert.Equal("orders/smtp/password", e.Value.Secret));
        Assert.Equal(CliApp.Success, generate.ExitCode);
        Assert.Contains("SMTP_PASSWORD comes from secret 'orders/smtp/password'", generate.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("AP3031", generate.Out, StringComparison.Ordinal);
    }
}
