using System.Text.Json.Nodes;
using ArchPlan.Cli;
using ArchPlan.Tests.Support;
using ArchPlan.Tests.Tables;
using ArchPlan.Tests.Validation;
using ArchPlan.Validation;

namespace ArchPlan.Tests.Cli;

/// <summary>
/// Issue 12, "Secrets and untrusted input", through the CLI in-process: no command prints or writes a value that looks
/// like a credential, nothing from a template drives the terminal, and <c>tables --write</c> writes only what the plan
/// reader accepts. Runs in the tables collection: <c>tables</c> has a static reader hook other tests replace.
/// </summary>
[Collection(TablesCliCollection.Name)]
public sealed class SecretOutputTests : IDisposable
{
    // What a terminal acts on: ESC, BEL, CSI (C1), NUL, and the bidi override.
    private static readonly char[] TerminalControls = ['\u001b', '\u0007', '\u009b', '\u009d', '\0', '\u202e', '\u000c'];

    private static readonly string[] Secrets =
    [
        CredentialPatterns.AwsKeyId, CredentialPatterns.GitLab, CredentialPatterns.Google, CredentialPatterns.SendGrid,
        CredentialPatterns.OpenAi, CredentialPatterns.Npm, "FakeFake1234FakeFake5678", "Fa/ke9Pw/7x", CredentialPatterns.Basic[6..],
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("archplan-secret-output-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string, CredentialKind, string> New => CredentialPatterns.New;

    [Theory]
    [MemberData(nameof(New))]
    public void Check_reports_each_form_in_a_value_without_echoing_it(string value, CredentialKind kind, string secret)
    {
        var plan = WritePlan("| `PARTNER_SETTING` | Partner setting | `" + value + "` | No |");

        var result = CliRunner.Run("check", plan);

        Assert.Equal(CliApp.Failure, result.ExitCode);
        Assert.Contains("AP2016", result.Out, StringComparison.Ordinal);
        Assert.Contains(CredentialScanner.Describe(kind), result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_prints_no_credential_in_text_or_json()
    {
        var rows = string.Join('\n', AllValues().Select((v, i) => $"| `SETTING_{i}` | Set to {CredentialPatterns.AwsKeyId} | `{v}` | No |"));
        var plan = WritePlan(rows);

        foreach (var format in new[] { "text", "json" })
        {
            var result = CliRunner.Run("show", plan, "--format", format);

            Assert.Equal(CliApp.Success, result.ExitCode);
            Assert.Contains("<redacted: ", result.Out, StringComparison.Ordinal);
            AssertNoSecret(result, format);
        }
    }

    [Fact]
    public void Tables_prints_neither_credentials_nor_terminal_controls_from_a_template()
    {
        var variables = new JsonObject();
        var i = 0;
        foreach (var value in AllValues())
        {
            variables[$"SETTING_{i++}"] = value;
        }
        variables["TITLE_CHANGE"] = "\u001b]0;owned\u0007";
        variables["CLEAR_SCREEN\u001b[2J"] = "on";
        variables["CSI_VALUE"] = "\u009b31mred";
        var template = WriteTemplate("orders-api\u001b]0;owned\u0007", variables);

        var result = CliRunner.Run("tables", template);

        Assert.Equal(CliApp.Success, result.ExitCode);
        AssertNoSecret(result, "tables");
        AssertNoTerminalControl(result, "tables");
        Assert.Contains("AP2050", result.Error, StringComparison.Ordinal);
        Assert.Contains("AP2051", result.Error, StringComparison.Ordinal);
        Assert.Contains("AP2052", result.Error, StringComparison.Ordinal);
        Assert.Contains("`SETTING_0`", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("CLEAR_SCREEN", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_write_copies_no_credential_and_no_control_character_and_the_plan_stays_readable()
    {
        var plan = WritePlan(Plans.Variables);
        var before = CliRunner.Run("check", plan);
        var template = WriteTemplate("orders-api", new JsonObject
        {
            ["PAGE_SIZE"] = "5\0" + "0",
            ["LOG_LEVEL"] = "INFO\u001b[2J",
            ["FEATURE_FLAG"] = "on\u0007",
            ["PARTNER_TOKEN"] = CredentialPatterns.GitLab,
            ["HOOK_URL"] = CredentialPatterns.SlackWebhook,
            ["REGION_NAME"] = "eu-west-1",
        });

        var write = CliRunner.Run("tables", template, "--plan", plan, "--write");

        Assert.Equal(CliApp.Success, write.ExitCode);
        Assert.Contains("tables updated", write.Out, StringComparison.Ordinal);
        var written = File.ReadAllText(plan);
        Assert.Contains("| `REGION_NAME`", written, StringComparison.Ordinal);
        Assert.Contains("`eu-west-1`", written, StringComparison.Ordinal);
        Assert.Contains("| `PARTNER_TOKEN`", written, StringComparison.Ordinal);
        Assert.Contains("`50`", written, StringComparison.Ordinal);
        Assert.DoesNotContain(CredentialPatterns.GitLab, written, StringComparison.Ordinal);
        Assert.DoesNotContain("FakeFake1234FakeFake5678", written, StringComparison.Ordinal);
        Assert.Equal(-1, written.IndexOfAny(TerminalControls));
        AssertNoSecret(write, "tables --write");
        AssertNoTerminalControl(write, "tables --write");

        var after = CliRunner.Run("check", plan);
        Assert.Equal(before.ExitCode, after.ExitCode);
        foreach (var id in new[] { "AP1", "AP2016", "AP2034", "AP2035" })
        {
            Assert.True(!after.Out.Contains(id + " ", StringComparison.Ordinal) || before.Out.Contains(id + " ", StringComparison.Ordinal), $"check of the written plan reports {id}:\n{after.Out}");
        }
        Assert.Equal(CliApp.Success, CliRunner.Run("tables", template, "--plan", plan, "--check").ExitCode);
    }

    [Fact]
    public void Diff_output_in_every_format_holds_no_terminal_control_and_no_credential_from_the_template()
    {
        var plan = WritePlan(Plans.Variables);
        var variables = new JsonObject
        {
            ["TITLE\u001b]0;owned\u0007"] = "x",
            ["CLEAR\u001b[2J"] = "\u001b[2J\u001b[H",
            ["PAGE_SIZE"] = "\u009b31m" + CredentialPatterns.AwsKeyId,
            ["LOG_LEVEL"] = CredentialPatterns.OpenAi,
        };
        var template = WriteTemplate("orders-api\u001b]2;owned\u0007", variables, extraQueue: "evil\u001b[2J-queue\u0007");

        foreach (var format in new[] { "text", "markdown", "github", "json" })
        {
            var result = CliRunner.Run("diff", plan, "--against", template, "--format", format);

            Assert.Equal(CliApp.Failure, result.ExitCode);
            AssertNoTerminalControl(result, "diff " + format);
            AssertNoSecret(result, "diff " + format);
        }
        var text = CliRunner.Run("diff", plan, "--against", template);
        Assert.Contains("<U+001B>", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_warns_about_text_the_cdk_reads_as_a_token()
    {
        var plan = WritePlan("| `REGION_TEXT` | Literal text | `${Token[AWS.Region.6]}` | No |\n| `BROKEN_TEXT` | Literal text | `${Token[TOKEN.123]}` | No |");

        var result = CliRunner.Run("check", plan);

        Assert.Contains("warning AP2053: the value of 'REGION_TEXT' holds '${Token[AWS.Region.6]}'", result.Out, StringComparison.Ordinal);
        Assert.Contains("warning AP2053: the value of 'BROKEN_TEXT' holds '${Token[TOKEN.123]}'", result.Out, StringComparison.Ordinal);
    }

    private static IEnumerable<string> AllValues() =>
        [CredentialPatterns.AwsKeyId, .. CredentialPatterns.New.Select(row => (string)row[0])];

    private static void AssertNoSecret(CliRunner.Result result, string what)
    {
        foreach (var secret in Secrets)
        {
            Assert.False(result.Out.Contains(secret, StringComparison.Ordinal) || result.Error.Contains(secret, StringComparison.Ordinal),
                $"{what} printed a credential ({secret[..4]}…):\n{result.Out}\n{result.Error}");
        }
    }

    private static void AssertNoTerminalControl(CliRunner.Result result, string what)
    {
        var at = (result.Out + result.Error).IndexOfAny(TerminalControls);
        Assert.True(at < 0, $"{what} printed a terminal control character at {at}:\n{SafeText.ForDisplayLines(result.Out + result.Error)}");
    }

    /// <summary>A plan whose Environment Variables table has <paramref name="rows"/> (the table's own header is added when they have none).</summary>
    private string WritePlan(string rows)
    {
        var table = rows.StartsWith("| Variable", StringComparison.Ordinal) ? rows : string.Join('\n', Plans.Variables.Split('\n').Take(2)) + "\n" + rows;
        var path = Path.Combine(_dir, "plan.md");
        File.WriteAllText(path, Plans.With(table));
        return path;
    }

    private string WriteTemplate(string functionName, JsonObject variables, string? extraQueue = null)
    {
        var resources = new JsonObject
        {
            ["OrdersApiFunction1A2B3C4D"] = new JsonObject
            {
                ["Type"] = "AWS::Lambda::Function",
                ["Properties"] = new JsonObject
                {
                    ["FunctionName"] = functionName,
                    ["Runtime"] = "python3.12",
                    ["Environment"] = new JsonObject { ["Variables"] = variables },
                },
                ["Metadata"] = new JsonObject { ["aws:cdk:path"] = "OrdersStack/OrdersApi/Resource" },
            },
        };
        if (extraQueue is not null)
        {
            resources["EvilQueue\u001b[2J"] = new JsonObject
            {
                ["Type"] = "AWS::SQS::Queue",
                ["Properties"] = new JsonObject { ["QueueName"] = extraQueue },
                ["Metadata"] = new JsonObject { ["aws:cdk:path"] = "OrdersStack/Evil\u001b]0;x\u0007Queue/Resource" },
            };
        }
        var path = Path.Combine(_dir, "orders.template.json");
        File.WriteAllText(path, new JsonObject { ["Resources"] = resources }.ToJsonString());
        return path;
    }
}
