using ArchPlan.Cli;
using ArchPlan.Diagnostics;
using ArchPlan.Kinds.Lambda;
using ArchPlan.Reading;
using ArchPlan.Tests.Support;
using ArchPlan.Validation;
using ArchPlan.Validation.Rules;
using static ArchPlan.Tests.Consistency.ConsistencyPlans;

namespace ArchPlan.Tests.Consistency;

/// <summary>Lambda runtimes AWS deprecates: check warns with the dates; generate keeps the plan's runtime.</summary>
public sealed class RuntimeDeprecationTests
{
    [Fact]
    public void Check_warns_about_a_deprecated_runtime_with_its_dates_and_generate_keeps_it()
    {
        // The suite pins today to 2026-12-07 (Support/PinnedToday.cs).
        using var temp = new TempFolder();
        var plan = temp.File("plan.md", Plan("- **Lambda Function** `worker` — Node.js 20, 256 MB"));

        var check = CliRunner.Run("check", plan);
        var generate = CliRunner.Run("generate", plan, "--output", temp.Path);

        Assert.Equal(CliApp.Success, check.ExitCode);
        Assert.Contains("warning AP2070: Lambda function 'worker' uses nodejs20.x, deprecated since 2026-04-30; creating functions on it is blocked from 2027-07-29",
            check.Out, StringComparison.Ordinal);
        Assert.Equal(CliApp.Success, generate.ExitCode);
        Assert.Contains("Lambda::Runtime.NODEJS_20_X", File.ReadAllText(Directory.GetFiles(temp.Path, "*Stack.g.cs", SearchOption.AllDirectories).Single()), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_says_nothing_about_a_runtime_supported_for_years()
    {
        using var temp = new TempFolder();
        var plan = temp.File("plan.md", Plan("- **Lambda Function** `worker` — Python 3.12, 256 MB"));

        Assert.DoesNotContain("AP207", CliRunner.Run("check", plan).Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-12-07", "nodejs22.x", "AP2071", "deprecated on 2027-04-30 (in 144 days)")]
    [InlineData("2026-10-31", "nodejs22.x", null, null)] // 181 days ahead: outside the 180-day window, nothing yet
    [InlineData("2026-11-01", "nodejs22.x", "AP2071", "deprecated on 2027-04-30 (in 180 days)")]
    [InlineData("2027-05-01", "nodejs22.x", "AP2070", "deprecated since 2027-04-30")]
    [InlineData("2026-12-07", "dotnet8", "AP2070", "deprecated since 2026-11-10; creating functions on it is blocked from 2027-02-01, updating them from 2027-03-03")]
    [InlineData("2026-12-07", "python3.12", null, null)]
    [InlineData("2026-12-07", "java21", null, null)]
    public void The_warning_depends_on_the_date(string today, string runtime, string? id, string? words)
    {
        var text = Plan($"- **Lambda Function** `worker` — runtime {runtime}, 256 MB");
        var plan = PlanReader.Parse(text, "plan.md").Value!;

        var found = PlanValidator.Run(new RuntimeLifecycleRule(() => DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)), plan, text);

        if (id is null)
        {
            Assert.Empty(found);
            return;
        }
        var diagnostic = Assert.Single(found);
        Assert.Equal(id, diagnostic.Descriptor.Id);
        Assert.Equal(Severity.Warning, diagnostic.Severity);
        Assert.Contains(words!, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_runtime_in_the_table_is_one_the_generator_or_aws_names_and_has_a_source()
    {
        Assert.All(LambdaRuntimes.All, r =>
        {
            Assert.Matches(@"^(nodejs\d+\.x|python3\.\d+|java\d+|dotnet\d+|ruby3\.\d+|provided\.al2(023)?)$", r.Runtime);
            Assert.False(string.IsNullOrWhiteSpace(r.Source));
            Assert.True(r.CreateBlocked is null || r.CreateBlocked >= r.Deprecated, r.Runtime);
            Assert.True(r.UpdateBlocked is null || r.UpdateBlocked >= (r.CreateBlocked ?? r.Deprecated), r.Runtime);
        });
    }

    [Fact]
    public void A_function_without_a_runtime_is_told_the_runtime_it_really_gets_and_nothing_calls_it_unknown()
    {
        using var temp = new TempFolder();
        var plan = temp.File("plan.md", Plan("- **Lambda Function** `worker` — 256 MB"));

        var generate = CliRunner.Run("generate", plan, "--output", temp.Path);

        var latest = LambdaRuntimes.LatestOfFamily["python"];
        Assert.Equal(CliApp.Success, generate.ExitCode);
        Assert.Contains($"warning AP3021: Function 'worker' has no runtime in the plan; {latest} is used", generate.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("AP3020", generate.Out, StringComparison.Ordinal);
        Assert.Contains($"new Lambda::Runtime(\"{latest}\", Lambda::RuntimeFamily.PYTHON)",
            File.ReadAllText(Directory.GetFiles(temp.Path, "*Stack.g.cs", SearchOption.AllDirectories).Single()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nodejs22.x", "NODEJS", false)]
    [InlineData("python3.13", "PYTHON", false)]
    [InlineData("dotnet10", "DOTNET_CORE", false)]
    [InlineData("ruby4.0", "RUBY", false)]
    [InlineData("python3.99", "PYTHON", true)] // not a runtime Lambda offers: used as written, and said so
    [InlineData("dotnet9", "DOTNET_CORE", true)] // Lambda offers .NET 9 for container images only
    public void A_runtime_newer_than_the_cdk_library_is_written_by_name_and_only_an_unheard_of_one_is_warned_about(string runtime, string family, bool warned)
    {
        using var temp = new TempFolder();
        var plan = temp.File("plan.md", Plan($"- **Lambda Function** `worker` — runtime {runtime}, 256 MB"));

        var generate = CliRunner.Run("generate", plan, "--output", temp.Path);

        Assert.Equal(CliApp.Success, generate.ExitCode);
        Assert.Equal(warned, generate.Out.Contains($"warning AP3020: Runtime '{runtime}' of function 'worker' is not one ArchPlan knows Lambda offers", StringComparison.Ordinal));
        Assert.Contains($"new Lambda::Runtime(\"{runtime}\", Lambda::RuntimeFamily.{family})",
            File.ReadAllText(Directory.GetFiles(temp.Path, "*Stack.g.cs", SearchOption.AllDirectories).Single()), StringComparison.Ordinal);
    }
}
