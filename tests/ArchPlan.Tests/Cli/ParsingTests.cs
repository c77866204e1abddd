using ArchPlan.Cli;
using ArchPlan.Cli.Commands;
using ArchPlan.Tests.Infrastructure;
using ArchPlan.Tests.Support;

namespace ArchPlan.Tests.Cli;

/// <summary>Command-line slips: unknown options and commands, bare archplan, --format spellings, help examples, usage errors.</summary>
public sealed class ParsingTests
{
    private static string Sample => RepoPaths.Sample("payments-api.md");

    private static IReadOnlyList<string> CommandNames =>
        [.. CommandCatalog.Create(new CliConsole(TextWriter.Null, TextWriter.Null)).Select(c => c.Name)];

    [Fact]
    public void An_unknown_option_is_an_error_with_a_suggestion_not_a_plan_path()
    {
        using var temp = new TempFolder();
        var result = CliRunner.Run("generate", Sample, "--ouput", temp.Path);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal("archplan: unknown option '--ouput' for 'archplan generate'; did you mean '--output'? (run 'archplan generate --help' for every option)\n", result.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Theory]
    [InlineData("check", "--fromat", "--format")]
    [InlineData("diff", "--agianst", "--against")]
    [InlineData("tables", "--chekc", "--check")]
    [InlineData("show", "--prodcut", "--product")]
    public void Misspelt_options_get_the_nearest_real_one(string command, string typed, string meant)
    {
        var result = CliRunner.Run(command, "x.md", typed, "y");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"unknown option '{typed}'", result.Error);
        Assert.Contains($"did you mean '{meant}'?", result.Error);
    }

    [Fact]
    public void An_unknown_command_suggests_the_nearest()
    {
        var result = CliRunner.Run("chek", "plan.md");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("archplan: 'chek' is not a command; did you mean 'check'?", result.Error);
        Assert.Contains("is not a command; use one of", CliRunner.Run("zzzzzz").Error);
    }

    [Fact]
    public void A_value_that_starts_with_a_dash_after_an_option_is_not_an_option()
    {
        using var temp = new TempFolder();
        var result = CliRunner.Run("generate", Sample, "--output", temp.Path, "--dry-run", "--product", "-x");
        Assert.NotEqual(2, result.ExitCode);
        Assert.DoesNotContain("unknown option", result.Error);
    }

    [Fact]
    public void Bare_archplan_prints_help_and_exits_0()
    {
        var result = CliRunner.Run();
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Out);
        Assert.All(CommandNames, name => Assert.Contains($"  {name} ", result.Out));
        Assert.Equal("", result.Error);
        Assert.Equal(result.Out, CliRunner.Run("-v").Out);
    }

    [Fact]
    public void Every_help_ends_with_examples_of_its_command()
    {
        foreach (var name in CommandNames)
        {
            var help = CliRunner.Run(name, "--help");
            Assert.Equal(0, help.ExitCode);
            var examples = help.Out.IndexOf("\nExamples:\n", StringComparison.Ordinal);
            Assert.True(examples > 0, $"'archplan {name} --help' has no examples:\n{help.Out}");
            Assert.StartsWith($"  archplan {name} ", help.Out[(examples + "\nExamples:\n".Length)..]);
        }
        Assert.Contains("\nExamples:\n  archplan ", CliRunner.Run("--help").Out);
    }

    [Fact]
    public void Every_format_value_is_spelled_in_lowercase_in_help()
    {
        Assert.Contains("--format <text|json|github|sarif>", CliRunner.Run("check", "--help").Out);
        Assert.Contains("--format <text|json|markdown|github|sarif>", CliRunner.Run("diff", "--help").Out);
        Assert.Contains("--format <text|json>", CliRunner.Run("show", "--help").Out);
        foreach (var name in CommandNames)
        {
            var help = CliRunner.Run(name, "--help").Out;
            Assert.DoesNotContain("GitHub|", help);
            Assert.DoesNotContain("Json", help);
            Assert.DoesNotContain("[default: Text]", help);
        }
    }

    [Theory]
    [InlineData("check", "GitHub")]
    [InlineData("check", "JSON")]
    [InlineData("check", "Sarif")]
    [InlineData("show", "Json")]
    [InlineData("show", "TEXT")]
    public void Old_format_spellings_are_still_accepted(string command, string format)
    {
        var result = CliRunner.Run(command, Sample, "--format", format);
        Assert.True(result.ExitCode == 0, result.Error);
    }

    [Fact]
    public void Diff_accepts_md_for_markdown()
    {
        var plan = InfraTestFiles.Path("leaderboard-plan.md");
        var result = CliRunner.Run("diff", plan, "--against", InfraTestFiles.Path("leaderboard.template.json"), "--format", "MD");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("## ArchPlan diff", result.Out);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "SAMPLE", "--format", "yaml")]
    [InlineData("show", "SAMPLE", "--format", "sarif")]
    [InlineData("show", "SAMPLE", "SAMPLE")]
    [InlineData("generate", "SAMPLE", "--ouput", "x")]
    [InlineData("generate", "SAMPLE", "--output", "FILE")]
    [InlineData("generate", "SAMPLE", "--diff")]
    [InlineData("diff", "SAMPLE")]
    [InlineData("tables", "x", "--write")]
    [InlineData("tables", "x", "--plan", "p.md", "--write", "--check")]
    [InlineData("chek")]
    [InlineData("check", "SAMPLE", "-q", "-v")]
    [InlineData("check", "FOLDER")]
    public void Every_usage_error_exits_2_with_one_plain_line(params string[] args)
    {
        using var temp = new TempFolder();
        var file = temp.File("notes.txt", "x");
        Directory.CreateDirectory(Path.Combine(temp.Path, "empty"));
        var real = args.Select(a => a switch { "SAMPLE" => Sample, "FILE" => file, "FOLDER" => Path.Combine(temp.Path, "empty"), _ => a }).ToArray();

        var result = CliRunner.Run(real);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        var line = Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("archplan: ", line);
        Assert.DoesNotContain("Exception", line);
        Assert.DoesNotContain(" at ", line);
        Assert.DoesNotContain("disk", line);
    }

    [Fact]
    public void Tables_check_advises_the_command_with_the_users_own_arguments()
    {
        using var temp = InfraTestFiles.Temp();
        var template = InfraTestFiles.Path("leaderboard.template.json");
        var plan = temp.Write("stale plan.md", string.Join('\n', File.ReadAllLines(InfraTestFiles.Path("leaderboard-plan.md")).Where(l => !l.Contains("`QUEUE_URL`", StringComparison.Ordinal))) + "\n");

        var result = CliRunner.Run("tables", template, "--plan", plan, "--check", "--environment", "prod");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"run 'archplan tables {template} --plan '{plan}' --environment prod --write'", result.Error);
        Assert.DoesNotContain("<source>", result.Error);
    }
}
