using ArchPlan.Cli;
using ArchPlan.Tests.Support;

namespace ArchPlan.Tests.Tables;

/// <summary>
/// <c>tables --write</c> edits the plan people have: links, mode and owner stay, a read-only plan is refused. Real
/// templates, the real disk, the CLI in-process.
/// </summary>
[Collection(TablesCliCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class TablesWriteFileSafetyTests : IDisposable
{
    private static readonly string Infra = Path.Combine(RepoPaths.Root(), "tests/ArchPlan.Tests/TestFiles/infra");
    private static readonly string Template = Path.Combine(Infra, "leaderboard.template.json");
    private static readonly string Current = File.ReadAllText(Path.Combine(Infra, "leaderboard-plan.md"));

    // The plan with one row deleted, so --write has something to restore.
    private static readonly string Stale = Current.Replace(
        "| `LOG_LEVEL`   | Log level               | `info`                   | Yes      | all      |\n", "", StringComparison.Ordinal);

    private readonly string _dir = Directory.CreateTempSubdirectory("archplan-tables-safety-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string StalePlan(string name = "plan.md")
    {
        Assert.NotEqual(Current, Stale);
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Stale);
        return path;
    }

    private static CliRunner.Result Write(string plan) => CliRunner.Run("tables", Template, "--plan", plan, "--write");

    private static void AssertUpdated(string path) =>
        Assert.Contains("| `LOG_LEVEL`   |", File.ReadAllText(path), StringComparison.Ordinal);

    private void AssertNoTempLeft() =>
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(_dir, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }),
            p => Path.GetFileName(p).StartsWith('.'));

    [Fact]
    public void A_read_only_plan_is_refused_with_a_message_and_left_as_it_was()
    {
        var plan = StalePlan();
        File.SetUnixFileMode(plan, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = Write(plan);

        Assert.Equal(CliApp.Failure, result.ExitCode);
        Assert.Contains($"{plan}: error AP3130: '{plan}' is read-only", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("tables updated", result.Out, StringComparison.Ordinal);
        Assert.Equal(Stale, File.ReadAllText(plan));
        Assert.Equal("444", UnixLinks.Stat(plan, "%a"));
        AssertNoTempLeft();
    }

    [Theory]
    [InlineData("600")]
    [InlineData("640")]
    [InlineData("664")]
    public void The_plans_mode_is_kept(string mode)
    {
        var plan = StalePlan();
        File.SetUnixFileMode(plan, (UnixFileMode)Convert.ToInt32(mode, 8));

        var result = Write(plan);

        Assert.True(result.ExitCode == CliApp.Success, result.Out + result.Error);
        AssertUpdated(plan);
        Assert.Equal(mode, UnixLinks.Stat(plan, "%a"));
        AssertNoTempLeft();
    }

    [Fact]
    public void The_plans_owner_and_group_are_kept()
    {
        var plan = StalePlan();
        // Another user's plan that this user may write to (as root here, or through a shared group).
        var chown = Processes.Run("chown", ["1234:2345", plan], _dir, new Dictionary<string, string?>(), TimeSpan.FromSeconds(30));
        Assert.True(chown.ExitCode == 0, chown.ToString());
        var inode = UnixLinks.Stat(plan, "%i");

        var result = Write(plan);

        Assert.True(result.ExitCode == CliApp.Success, result.Out + result.Error);
        AssertUpdated(plan);
        Assert.Equal("1234 2345 644", UnixLinks.Stat(plan, "%u %g %a"));
        Assert.Equal(inode, UnixLinks.Stat(plan, "%i"));
    }

    [Fact]
    public void A_symlinked_plan_stays_a_link_and_its_target_is_updated()
    {
        var real = StalePlan("docs/real-plan.md");
        var link = Path.Combine(_dir, "plan.md");
        File.CreateSymbolicLink(link, "docs/real-plan.md");
        File.SetUnixFileMode(real, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = Write(link);

        Assert.True(result.ExitCode == CliApp.Success, result.Out + result.Error);
        Assert.Equal("docs/real-plan.md", new FileInfo(link).LinkTarget);
        AssertUpdated(real);
        Assert.Equal("600", UnixLinks.Stat(real, "%a"));
        AssertNoTempLeft();
    }

    [Fact]
    public void A_hard_linked_plan_keeps_its_links_and_both_names_see_the_new_tables()
    {
        var plan = StalePlan();
        var other = Path.Combine(_dir, "copy-in-another-folder", "plan.md");
        Directory.CreateDirectory(Path.GetDirectoryName(other)!);
        UnixLinks.CreateHardLink(plan, other);
        var inode = UnixLinks.Stat(plan, "%i");

        var result = Write(plan);

        Assert.True(result.ExitCode == CliApp.Success, result.Out + result.Error);
        AssertUpdated(plan);
        Assert.Equal(File.ReadAllText(plan), File.ReadAllText(other));
        Assert.Equal($"2 {inode}", UnixLinks.Stat(plan, "%h %i"));
        Assert.Equal(inode, UnixLinks.Stat(other, "%i"));
        AssertNoTempLeft();
    }
}
