using System.Diagnostics;
using System.Text;
using ArchPlan.Diagnostics;
using ArchPlan.Generation;
using ArchPlan.Pipeline;
using ArchPlan.Tests.Support;
using Xunit.Abstractions;

namespace ArchPlan.Tests.EndToEnd;

/// <summary>
/// Round-trip closure for every plan check accepts (<see cref="RoundTripFixture"/>: the samples, the valid corpus plans
/// and at least 50 random Markdown plans, synthesized together by the real CDK CLI): diff finds no drift between the plan
/// and its stack, <c>tables --check</c> finds the plan's tables current, and <c>tables --write</c> repairs stale tables
/// into a plan check accepts and that generates the same app. A failure lists every failing plan with what went wrong;
/// random plans come with their Markdown and the run's seed (ARCHPLAN_ROUNDTRIP_SEED writes the same plans again).
/// </summary>
[Collection(RoundTripCollection.Name)]
public sealed class RoundTripPropertyTests(RoundTripFixture batch, ITestOutputHelper output)
{
    public static TheoryData<PlanOrigin> Origins => new() { PlanOrigin.Sample, PlanOrigin.Corpus, PlanOrigin.Random };

    [Fact]
    public void The_batch_holds_every_sample_the_accepted_corpus_plans_and_the_random_plans_asked_for()
    {
        output.WriteLine(batch.Batch.ToString());
        output.WriteLine($"random plans: {batch.RandomPlansKept} kept of {batch.RandomPlansWritten} written, seed {batch.Seed}");
        Assert.Equal(RepoPaths.AllSamples().Count(), batch.From(PlanOrigin.Sample).Count());
        Assert.NotEmpty(batch.From(PlanOrigin.Corpus));
        Assert.Equal(batch.RandomPlansWanted, batch.From(PlanOrigin.Random).Count());
        Assert.True(batch.RandomPlansWanted >= 50);
        Assert.All(batch.Plans, p => Assert.Single(Directory.EnumerateFiles(batch.Batch.AssemblyOf(p.Member.Id), "*.template.json")));
    }

    [Theory]
    [MemberData(nameof(Origins))]
    public void Diff_finds_no_drift_between_each_plan_and_its_synthesized_stack(PlanOrigin origin) =>
        ForEach(origin, plan =>
        {
            var diff = CliRunner.Run("diff", plan.PlanPath, "--against", batch.Batch.OutDir, "--stack", plan.Member.StackSelector);
            return diff.ExitCode == 0 ? null : $"diff exit {diff.ExitCode}\n{diff.Out}{diff.Error}";
        });

    [Theory]
    [MemberData(nameof(Origins))]
    public void Tables_check_finds_each_plans_tables_current(PlanOrigin origin) =>
        ForEach(origin, plan =>
        {
            var before = File.ReadAllBytes(plan.PlanPath);
            // The cloud assembly with --stack, and the stack's own template as a user would pass it.
            var template = Directory.EnumerateFiles(batch.Batch.AssemblyOf(plan.Member.Id), "*.template.json").Single();
            string[][] sources = [[batch.Batch.OutDir, "--stack", plan.Member.StackSelector], [template]];
            foreach (var source in sources)
            {
                var check = CliRunner.Run(["tables", .. source, "--plan", plan.PlanPath, "--check"]);
                if (!before.AsSpan().SequenceEqual(File.ReadAllBytes(plan.PlanPath)))
                {
                    return $"tables {source[0]} --check changed the plan";
                }
                if (check.ExitCode != 0)
                {
                    return $"tables {source[0]} --check exit {check.ExitCode}\n{check.Out}{check.Error}";
                }
            }
            return null;
        });

    [Theory]
    [MemberData(nameof(Origins))]
    public void Tables_write_repairs_stale_tables_into_a_plan_check_accepts_that_generates_the_same_app(PlanOrigin origin) =>
        ForEach(origin, plan =>
        {
            using var temp = new TempFolder();
            // The same file name: a plan without a title is named after its file in the generated code.
            var copy = Path.Combine(temp.Path, Path.GetFileName(plan.PlanPath));
            var (stale, changes) = TablePerturbation.Perturb(plan.Text, plan.Plan, plan.Member.SuppliedContext.Keys.ToHashSet(), plan.Member.Id.GetHashCode(StringComparison.Ordinal));
            File.WriteAllText(copy, stale);

            var write = CliRunner.Run("tables", batch.Batch.OutDir, "--stack", plan.Member.StackSelector, "--plan", copy, "--write");
            if (write.ExitCode != 0)
            {
                return $"tables --write exit {write.ExitCode}\n{write.Out}{write.Error}";
            }
            var written = File.ReadAllText(copy);
            var loaded = PlanLoader.Load(copy);
            if (loaded.Value is null || loaded.Diagnostics.Any(d => d.Severity == Severity.Error))
            {
                return $"check rejects the plan tables --write wrote ({changes} cells/rows were stale):\n{string.Join("\n", loaded.Diagnostics.Where(d => d.Severity == Severity.Error))}\n{Diff(plan.Text, written)}";
            }
            var regenerated = CdkAppGenerator.Generate(loaded.Value, new GeneratorOptions { SourcePlanPath = plan.Plan.FilePath });
            if (regenerated.Value.IsDefault)
            {
                return $"the generator refuses the plan tables --write wrote:\n{string.Join("\n", regenerated.Diagnostics)}\n{Diff(plan.Text, written)}";
            }
            var before = plan.Member.GeneratorOwned.ToDictionary(f => f.RelativePath, f => f.Content);
            var after = regenerated.Value.Where(f => f.Ownership == FileOwnership.Generated).ToDictionary(f => f.RelativePath, f => f.Content);
            var different = before.Keys.Union(after.Keys)
                .Where(path => before.GetValueOrDefault(path) != after.GetValueOrDefault(path))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (different.Count == 0)
            {
                return null;
            }
            var report = new StringBuilder($"the plan tables --write wrote generates other files ({string.Join(", ", different)}):\n");
            foreach (var path in different)
            {
                report.Append("--- ").Append(path).Append('\n').Append(Diff(before.GetValueOrDefault(path) ?? "", after.GetValueOrDefault(path) ?? ""));
            }
            return report.Append("--- plan\n").Append(Diff(plan.Text, written)).ToString();
        });

    /// <summary>Runs <paramref name="check"/> on every plan of <paramref name="origin"/> and fails listing every plan it returned a problem for.</summary>
    private void ForEach(PlanOrigin origin, Func<RoundTripPlan, string?> check)
    {
        var plans = batch.From(origin).ToList();
        Assert.NotEmpty(plans);
        var watch = Stopwatch.StartNew();
        var failures = new StringBuilder();
        var failed = 0;
        foreach (var plan in plans)
        {
            string? problem;
            try
            {
                problem = check(plan);
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                problem = "threw " + ex;
            }
            if (problem is null)
            {
                continue;
            }
            failed++;
            failures.Append("==== ").Append(plan).Append(": ").Append(problem.TrimEnd()).Append('\n');
            if (plan.Origin == PlanOrigin.Random)
            {
                failures.Append("---- plan ").Append(plan.Name).Append(" (").Append(RandomPlanSeed.SeedVariable).Append('=').Append(batch.Seed).Append(")\n")
                    .Append(plan.Text).Append('\n');
            }
        }
        output.WriteLine($"{plans.Count} {origin} plans in {watch.Elapsed.TotalSeconds:F1} s ({watch.Elapsed.TotalMilliseconds / plans.Count:F0} ms each), {failed} failed; {batch.Batch}");
        Assert.True(failed == 0, $"{failed} of {plans.Count} {origin} plans fail (seed {batch.Seed}):\n{failures}");
    }

    private static string Diff(string before, string after) =>
        ArchPlan.Common.UnifiedDiff.Create(before, after, "a", "b");
}
