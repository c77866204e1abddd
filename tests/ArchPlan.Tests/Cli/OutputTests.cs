using System.Text.RegularExpressions;
using ArchPlan.Tests.Diffing;
using ArchPlan.Tests.Infrastructure;
using ArchPlan.Tests.Support;

namespace ArchPlan.Tests.Cli;

/// <summary>
/// -q/-v, the plan count, colour on a terminal (none with NO_COLOR or when redirected), wrapped help lines and kind
/// names. One class, so the tests that set NO_COLOR never run beside the ones that expect colour.
/// </summary>
public sealed partial class OutputTests
{
    private const string Esc = "\u001b[";

    private static string ErrorPlan(TempFolder temp) => temp.File("plan.md", "---\ntitle: T\ntitle: U\nstatus: active\n---\n\n# T\n");

    [GeneratedRegex(@"\u001b\[[0-9;]*m")]
    private static partial Regex Ansi();

    [Fact]
    public void Check_of_a_folder_says_how_many_plans_it_checked()
    {
        var result = CliRunner.Run("check", RepoPaths.Samples);
        Assert.Equal(0, result.ExitCode);
        // The payments sample's nodejs20.x draws AP2070 (deprecated since 2026-04-30): one warning, counted.
        Assert.Equal($"{RepoPaths.AllSamples().Count()} plans: 0 errors, 1 warning", result.Out.TrimEnd('\n').Split('\n')[^1]);
        Assert.EndsWith("1 plan: 0 errors, 1 warning\n", CliRunner.Run("check", RepoPaths.Sample("payments-api.md")).Out);
    }

    [Fact]
    public void Generate_counts_info_notes_by_default_shows_them_with_verbose_and_prints_nothing_but_errors_with_quiet()
    {
        using var temp = new TempFolder();
        var sample = RepoPaths.Sample("payments-api.md");

        var normal = CliRunner.Run("generate", sample, "--output", temp.Path, "--dry-run");
        Assert.Equal(0, normal.ExitCode);
        Assert.DoesNotContain(": info AP", normal.Out);
        Assert.Matches(@"\n\d+ notes on what was generated from what; run with -v to see them\n", normal.Out);
        Assert.Contains("warning AP3009", normal.Out);

        var verbose = CliRunner.Run("generate", sample, "--output", temp.Path, "--dry-run", "-v");
        Assert.Contains(": info AP3005", verbose.Out);
        Assert.DoesNotContain("run with -v", verbose.Out);

        var quiet = CliRunner.Run("generate", sample, "--output", temp.Path, "--quiet");
        Assert.Equal(0, quiet.ExitCode);
        Assert.Equal("", quiet.Out);
        Assert.True(File.Exists(Path.Combine(temp.Path, "apps", "payments", "infra", "cdk", "cdk.json")));
    }

    [Fact]
    public void Quiet_check_prints_only_errors_and_no_summary()
    {
        using var temp = new TempFolder();
        var result = CliRunner.Run("check", ErrorPlan(temp), "-q");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error AP1005", result.Out);
        Assert.DoesNotContain("warnings", result.Out);
        Assert.Equal("", CliRunner.Run("check", RepoPaths.Samples, "-q").Out);
    }

    [Fact]
    public void Quiet_and_verbose_together_are_a_usage_error()
    {
        var result = CliRunner.Run("check", RepoPaths.Samples, "-q", "-v");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot be used together", result.Error);
    }

    [Fact]
    public void Every_text_output_is_coloured_on_a_terminal_and_plain_when_redirected_or_with_NO_COLOR()
    {
        using var temp = new TempFolder();
        using var infra = InfraTestFiles.Temp();
        var template = TemplateMutation.Load(InfraTestFiles.Path("leaderboard.template.json"));
        template.Resources.Remove("AlertsTopic3F1B2C4D");
        var drifted = template.Save(Path.Combine(infra.Dir, "drifted.template.json"));
        var stale = infra.Write("stale.md", string.Join('\n', File.ReadAllLines(InfraTestFiles.Path("leaderboard-plan.md")).Where(l => !l.Contains("`QUEUE_URL`", StringComparison.Ordinal))) + "\n");
        string[][] commands =
        [
            ["check", ErrorPlan(temp)],
            ["show", RepoPaths.Sample("payments-api.md")],
            ["diff", InfraTestFiles.Path("leaderboard-plan.md"), "--against", drifted],
            ["generate", RepoPaths.Sample("payments-api.md"), "--output", temp.Path, "--dry-run"],
            ["tables", InfraTestFiles.Path("leaderboard.template.json"), "--plan", stale],
        ];
        foreach (var args in commands)
        {
            var terminal = CliRunner.RunOnTerminal(120, args);
            Assert.True(terminal.Out.Contains(Esc, StringComparison.Ordinal), $"{args[0]} on a terminal has no colour:\n{terminal.Out}");
            var redirected = CliRunner.Run(args);
            Assert.DoesNotContain(Esc, redirected.Out + redirected.Error);
            Assert.Equal(redirected.Out, Ansi().Replace(CliRunner.RunOnTerminal(0, args).Out, ""));
        }

        Environment.SetEnvironmentVariable("NO_COLOR", "1");
        try
        {
            foreach (var args in commands)
            {
                var plain = CliRunner.RunOnTerminal(120, args);
                Assert.DoesNotContain(Esc, plain.Out + plain.Error);
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("NO_COLOR", null);
        }
    }

    [Fact]
    public void Help_lines_wrapped_on_a_narrow_terminal_keep_their_indent()
    {
        using var temp = new TempFolder();
        var plan = ErrorPlan(temp);
        var help = CliRunner.Run("check", plan).Out.Split('\n').First(l => l.StartsWith("    help: ", StringComparison.Ordinal));

        var lines = Ansi().Replace(CliRunner.RunOnTerminal(40, "check", plan).Out, "").Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("    help: ", StringComparison.Ordinal));
        var wrapped = lines.Skip(start).TakeWhile((l, i) => i == 0 || l.StartsWith("          ", StringComparison.Ordinal)).ToList();

        Assert.True(wrapped.Count > 1, string.Join('\n', lines));
        Assert.All(wrapped, l => Assert.True(l.Length <= 40, $"'{l}' is wider than the terminal"));
        Assert.All(wrapped.Skip(1), l => Assert.Matches("^ {10}\\S", l));
        Assert.Equal(help, string.Join(' ', wrapped.Select(l => l.Trim())).Insert(0, "    "));
    }

    [Fact]
    public void Show_spells_kinds_as_AWS_does()
    {
        var result = CliRunner.Run("show", RepoPaths.Sample("payments-api.md"));
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"\n  \d+\s+DynamoDB table\s+\S", result.Out);
        Assert.Matches(@"\n  \d+\s+SQS queue\s+\S", result.Out);
        Assert.Matches(@"\n  \d+\s+Lambda function\s+\S", result.Out);
        Assert.DoesNotContain("dynamo db", result.Out);
        Assert.DoesNotContain("sqs queue", result.Out);
    }
}
