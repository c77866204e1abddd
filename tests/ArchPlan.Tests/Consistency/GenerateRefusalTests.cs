using ArchPlan.Cli;
using ArchPlan.Tests.Support;
using static ArchPlan.Tests.Consistency.ConsistencyPlans;

namespace ArchPlan.Tests.Consistency;

/// <summary>What generate refuses, check reports first, with the same diagnostic at the same plan line.</summary>
public sealed class GenerateRefusalTests
{
    [Theory]
    [InlineData("con")]
    [InlineData("aux")]
    [InlineData("nul")]
    public void A_function_named_like_a_windows_device_fails_check_and_generate_alike(string name)
    {
        using var temp = new TempFolder();
        var plan = temp.File("plan.md", Plan($"- **Lambda Function** `{name}` — Python 3.12, 256 MB"));

        var check = CliRunner.Run("check", plan);
        var generate = CliRunner.Run("generate", plan, "--output", Path.Combine(temp.Path, "out"));

        Assert.Equal(CliApp.Failure, check.ExitCode);
        var line = $"{plan}(15,1): error AP2072: the generated app would contain 'apps/orders/infra/cdk/handlers/{name}/index.py': '{name}' is a name Windows reserves";
        Assert.Contains(line, check.Out, StringComparison.Ordinal);
        Assert.Equal(CliApp.Failure, generate.ExitCode);
        Assert.Contains(line, generate.Out + generate.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out", "apps")), "generate wrote files");
    }

    [Fact]
    public void A_title_too_long_for_a_file_name_fails_check_and_generate_alike()
    {
        using var temp = new TempFolder();
        var title = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"Word{i}"));
        var plan = temp.File("plan.md", Plan("- **Lambda Function** `worker` — Python 3.12, 256 MB", title));

        var check = CliRunner.Run("check", plan);
        var generate = CliRunner.Run("generate", plan, "--output", Path.Combine(temp.Path, "out"));

        Assert.Equal(CliApp.Failure, check.ExitCode);
        Assert.Contains($"{plan}(2,1): error AP2073: the generated app would contain a file or folder name of 358 bytes", check.Out, StringComparison.Ordinal);
        Assert.Equal(CliApp.Failure, generate.ExitCode);
        Assert.Contains($"{plan}(2,1): error AP2073: the generated app would contain a file or folder name of 358 bytes", generate.Out + generate.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out", "apps")), "generate wrote files");
    }

    [Fact]
    public void A_product_named_like_a_referenced_package_gets_a_project_that_is_not_its_own_dependency()
    {
        using var temp = new TempFolder();
        var plan = temp.File("plan.md", Plan("- **Lambda Function** `worker` — Python 3.12, 256 MB", "Constructs", "constructs"));

        var check = CliRunner.Run("check", plan);
        var generate = CliRunner.Run("generate", plan, "--output", temp.Path);

        Assert.Equal(CliApp.Success, check.ExitCode);
        Assert.Equal(CliApp.Success, generate.ExitCode);
        var projects = Directory.GetFiles(Path.Combine(temp.Path, "apps", "constructs", "infra", "cdk"), "*.csproj", SearchOption.AllDirectories);
        var project = Assert.Single(projects);
        var name = Path.GetFileNameWithoutExtension(project);
        // NuGet refuses to restore a project whose name is the id of a package it references (NU1108).
        foreach (var package in new[] { "Constructs", "Amazon.CDK.Lib" })
        {
            Assert.NotEqual(package, name, StringComparer.OrdinalIgnoreCase);
            Assert.Contains($"Include=\"{package}\"", File.ReadAllText(project), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--cdk-version", "")]
    [InlineData("--cdk-version", "latest")]
    [InlineData("--constructs-version", "1.0.0;2")]
    [InlineData("--constructs-version", "10.0.5 ")]
    public void A_package_version_that_cannot_restore_is_a_usage_error(string option, string version)
    {
        using var temp = new TempFolder();
        var plan = temp.File("plan.md", Plan("- **Lambda Function** `worker` — Python 3.12, 256 MB"));

        var result = CliRunner.Run("generate", plan, "--output", temp.Path, option, version);

        Assert.Equal(CliApp.UsageError, result.ExitCode);
        // An empty value is refused by the CLI before any option is looked at (one rule for every option).
        Assert.Contains(version.Length == 0 ? $"{option} is empty" : $"{option} '{version}' is not a NuGet version", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "apps")), "generate wrote files");
    }

    [Theory]
    [InlineData("2.160.0")]
    [InlineData("2.170.0-rc.1")]
    public void A_plain_package_version_is_accepted(string version)
    {
        using var temp = new TempFolder();
        var plan = temp.File("plan.md", Plan("- **Lambda Function** `worker` — Python 3.12, 256 MB"));

        var result = CliRunner.Run("generate", plan, "--output", temp.Path, "--cdk-version", version);

        Assert.Equal(CliApp.Success, result.ExitCode);
        Assert.Contains($"Include=\"Amazon.CDK.Lib\" Version=\"{version}\"", File.ReadAllText(Path.Combine(temp.Path, "apps", "orders", "infra", "cdk", "src", "Orders", "Orders.csproj")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_include_in_a_templates_override_names_the_template_that_asked_for_it()
    {
        using var temp = new TempFolder();
        var plan = temp.File("plan.md", Plan("- **Lambda Function** `worker` — Python 3.12, 256 MB"));
        var template = temp.File("templates/README.md.liquid", "# {{ app.product }}\n{% include '/etc/hostname' %}\n");

        var result = CliRunner.Run("generate", plan, "--output", Path.Combine(temp.Path, "out"), "--templates", Path.Combine(temp.Path, "templates"));

        Assert.NotEqual(CliApp.Success, result.ExitCode);
        var output = result.Out + result.Error;
        Assert.Contains($"Template '{template}' failed: {{% include %}} is not supported, '/etc/hostname' was not read", output, StringComparison.Ordinal);
        Assert.DoesNotContain("archplan: /etc/hostname", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out", "apps")), "generate wrote files");
    }
}
