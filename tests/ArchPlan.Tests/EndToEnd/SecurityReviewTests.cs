using System.Text;
using ArchPlan.Tests.Support;
using Xunit.Abstractions;

namespace ArchPlan.Tests.EndToEnd;

/// <summary>
/// The generated infrastructure reviewed as a security reviewer would: every stack the test run synthesized (the samples,
/// the accepted corpus plans, the random plans and the generation fixtures' apps) goes through cdk-nag's AwsSolutions
/// pack in one node process, and no error may be left unacknowledged. A failure lists each open finding with its plan.
/// </summary>
[Collection(RoundTripCollection.Name)]
public sealed class SecurityReviewTests(RoundTripFixture batch, ITestOutputHelper output)
{
    [Fact]
    public void Every_synthesized_stack_has_no_unacknowledged_cdk_nag_AwsSolutions_error()
    {
        var templates = new Dictionary<string, Support.BatchMember>(StringComparer.Ordinal);
        foreach (var member in batch.Batch.Members)
        {
            var folder = batch.Batch.AssemblyOf(member.Id);
            if (batch.Batch.SynthOf(member.Id).ExitCode != 0 || !Directory.Exists(folder))
            {
                continue;
            }
            templates[Directory.EnumerateFiles(folder, "*.template.json").Single()] = member;
        }
        Assert.True(templates.Count >= batch.Plans.Count, $"{templates.Count} templates for {batch.Plans.Count} round-trip plans");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var review = CdkNag.Review(templates.Keys);
        var findings = review.Values.SelectMany(f => f).ToList();
        output.WriteLine($"{templates.Count} templates reviewed in {watch.Elapsed.TotalSeconds:F1} s: {findings.Count} findings, "
            + $"{findings.Count(f => f.Suppressed)} acknowledged, {findings.Count(f => f.Level == "warning" && !f.Suppressed)} open warnings; {batch.Batch}");
        foreach (var rule in findings.Where(f => f.Suppressed).GroupBy(f => f.Rule.Split('[')[0]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  acknowledged {rule.Key}: {rule.Count()}");
        }

        var failures = new StringBuilder();
        var open = 0;
        foreach (var (file, list) in review.OrderBy(r => templates[r.Key].Id, StringComparer.Ordinal))
        {
            var errors = list.Where(f => f.IsOpenError).ToList();
            if (errors.Count == 0)
            {
                continue;
            }
            open += errors.Count;
            var member = templates[file];
            var plan = batch.Plans.FirstOrDefault(p => p.Member.Id == member.Id);
            failures.Append("==== ").Append(plan?.ToString() ?? member.Id).Append(" (").Append(member.PlanPath).Append(")\n");
            foreach (var error in errors)
            {
                failures.Append("  ").Append(error).Append('\n');
            }
            if (plan?.Origin == PlanOrigin.Random)
            {
                failures.Append("---- plan ").Append(plan.Name).Append(" (").Append(RandomPlanSeed.SeedVariable).Append('=').Append(batch.Seed).Append(")\n")
                    .Append(plan.Text).Append('\n');
            }
        }
        Assert.True(open == 0, $"{open} unacknowledged cdk-nag AwsSolutions errors (seed {batch.Seed}):\n{failures}");
        // The acknowledgements the generated apps write are read: grants always leave wildcards to acknowledge.
        Assert.Contains(findings, f => f.Suppressed && f.Rule.StartsWith("AwsSolutions-IAM5[", StringComparison.Ordinal));
    }
}
