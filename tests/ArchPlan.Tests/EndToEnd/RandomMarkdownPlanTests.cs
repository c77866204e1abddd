using ArchPlan.Diagnostics;
using ArchPlan.Generation;
using ArchPlan.Pipeline;
using ArchPlan.Tests.Hostile;
using ArchPlan.Tests.Support;
using Xunit.Abstractions;

namespace ArchPlan.Tests.EndToEnd;

/// <summary>
/// The random Markdown plans the round trip synthesizes, checked cheaply and in bulk: most of them must be plans check
/// accepts (otherwise the round trip would quietly test little), and every one check accepts must generate.
/// </summary>
public sealed class RandomMarkdownPlanTests(ITestOutputHelper output)
{
    [Fact]
    public void Most_random_Markdown_plans_are_accepted_by_check_and_every_accepted_one_generates()
    {
        var seed = RandomPlanSeed.FromEnvironment();
        var count = (int)Math.Max(200, ReaderPropertyTests.Iterations / 50);
        using var temp = new TempFolder();
        var accepted = 0;
        var rejections = new Dictionary<string, int>(StringComparer.Ordinal);
        var refused = new List<string>();
        string? firstRejected = null;
        foreach (var (name, text) in RandomPlanSeed.Plans(seed, count))
        {
            var path = temp.File(name, text);
            var loaded = PlanLoader.Load(path);
            var errors = loaded.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
            if (loaded.Value is null || errors.Count > 0 || !loaded.Value.Resources.Any(r => r.IsCompute))
            {
                firstRejected ??= $"{name}:\n{string.Join("\n", errors)}\n{text}";
                foreach (var id in errors.Select(e => e.Descriptor.Id).DefaultIfEmpty("no compute").Distinct())
                {
                    rejections[id] = rejections.GetValueOrDefault(id) + 1;
                }
                continue;
            }
            accepted++;
            var generated = CdkAppGenerator.Generate(loaded.Value, new GeneratorOptions { SourcePlanPath = path });
            if (generated.Value.IsDefault)
            {
                refused.Add($"{name}:\n{string.Join("\n", generated.Diagnostics.Where(d => d.Severity == Severity.Error))}\n{text}");
            }
        }
        var why = string.Join(", ", rejections.OrderByDescending(r => r.Value).Select(r => $"{r.Key} ×{r.Value}"));
        output.WriteLine($"{accepted} of {count} accepted (seed {seed}); rejected for: {why}");
        Assert.True(refused.Count == 0, $"the generator refuses {refused.Count} plans check accepts (seed {seed}):\n{string.Join("\n\n", refused.Take(5))}");
        Assert.True(accepted * 10 >= count * 8, $"only {accepted} of {count} random plans are accepted (seed {seed}); rejected for: {why}; the first:\n{firstRejected}");
    }
}
