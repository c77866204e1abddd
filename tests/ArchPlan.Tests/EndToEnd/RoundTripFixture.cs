using System.Diagnostics;
using ArchPlan.Diagnostics;
using ArchPlan.Model;
using ArchPlan.Pipeline;
using ArchPlan.Tests.Support;

namespace ArchPlan.Tests.EndToEnd;

/// <summary>Where a round-trip plan comes from.</summary>
public enum PlanOrigin
{
    /// <summary>samples/*.md.</summary>
    Sample,

    /// <summary>tests/ArchPlan.Tests/TestFiles/plans/*.md that check accepts and that have compute.</summary>
    Corpus,

    /// <summary>Written by <see cref="Hostile.RandomPlans.Markdown"/> from the run's seed, kept when check accepts it.</summary>
    Random,
}

/// <summary>One plan of the round trip: where it came from, its text and its member of the batch app.</summary>
public sealed record RoundTripPlan(PlanOrigin Origin, string Name, string Text, BatchMember Member)
{
    public Plan Plan => Member.Plan;

    public string PlanPath => Member.PlanPath;

    public override string ToString() => $"{Origin} {Name} ({Member.StackSelector})";
}

/// <summary>
/// Every plan check accepts — the samples, the valid plans of the test corpus and at least 50 random plans written as
/// Markdown — generated, merged into one CDK app, built once and synthesized once with the real CDK CLI. A missing CLI
/// or a batch that does not build or synthesize throws: every round-trip test fails, none is skipped.
/// </summary>
public sealed class RoundTripFixture : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "archplan-roundtrip-" + Guid.NewGuid().ToString("N")[..8]);

    public RoundTripFixture()
    {
        var watch = Stopwatch.StartNew();
        var plansFolder = Path.Combine(_root, "plans");
        Directory.CreateDirectory(plansFolder);
        var candidates = new List<(PlanOrigin Origin, string Name, string Text)>();
        candidates.AddRange(RepoPaths.AllSamples().Select(p => (PlanOrigin.Sample, Path.GetFileName(p), File.ReadAllText(p))));
        candidates.AddRange(Directory.EnumerateFiles(Path.Combine(RepoPaths.TestFiles, "plans"), "*.md")
            .Where(p => !p.EndsWith("README.md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => (PlanOrigin.Corpus, Path.GetFileName(p), File.ReadAllText(p))));

        var accepted = new List<(PlanOrigin Origin, string Name, string Text, string Id, Plan Plan, string Path)>();
        foreach (var (origin, name, text) in candidates)
        {
            var id = $"P{accepted.Count:D3}";
            if (Accept(origin, name, text, id, plansFolder) is { } plan)
            {
                accepted.Add((origin, name, text, id, plan.Plan, plan.Path));
            }
        }
        Seed = RandomPlanSeed.FromEnvironment();
        RandomPlansWanted = RandomPlanSeed.PlanCount();
        foreach (var (name, text) in RandomPlanSeed.Plans(Seed, RandomPlansWanted * 20))
        {
            if (RandomPlansKept == RandomPlansWanted)
            {
                break;
            }
            RandomPlansWritten++;
            var id = $"P{accepted.Count:D3}";
            if (Accept(PlanOrigin.Random, name, text, id, plansFolder) is { } plan)
            {
                accepted.Add((PlanOrigin.Random, name, text, id, plan.Plan, plan.Path));
                RandomPlansKept++;
            }
        }
        SelectTime = watch.Elapsed;

        Batch = BatchCdkApp.Create(Path.Combine(_root, "app"), accepted.Select(a => (a.Id, a.Plan, a.Path)));
        Plans = [.. accepted.Select((a, i) => new RoundTripPlan(a.Origin, a.Name, a.Text, Batch.Members[i]))];
    }

    /// <summary>The seed the random plans were written from (set ARCHPLAN_ROUNDTRIP_SEED to it to write the same plans).</summary>
    public string Seed { get; }

    public int RandomPlansWanted { get; }

    /// <summary>How many random plans were written to find <see cref="RandomPlansKept"/> that check accepts and that have compute.</summary>
    public int RandomPlansWritten { get; }

    public int RandomPlansKept { get; }

    public BatchCdkApp Batch { get; }

    public IReadOnlyList<RoundTripPlan> Plans { get; }

    public TimeSpan SelectTime { get; }

    public IEnumerable<RoundTripPlan> From(PlanOrigin origin) => Plans.Where(p => p.Origin == origin);

    /// <summary>The plan's copy in the batch folder when check accepts it (no errors) and it has compute; null otherwise.</summary>
    private static (Plan Plan, string Path)? Accept(PlanOrigin origin, string name, string text, string id, string folder)
    {
        var path = Path.Combine(folder, $"{id}-{Path.GetFileNameWithoutExtension(name)}.md");
        File.WriteAllText(path, text);
        var loaded = PlanLoader.Load(path);
        var accepted = loaded.Value is { } plan && !loaded.Diagnostics.Any(d => d.Severity == Severity.Error) && plan.Resources.Any(r => r.IsCompute);
        if (!accepted && origin == PlanOrigin.Sample)
        {
            throw new InvalidOperationException($"check does not accept the sample {name}:\n{string.Join("\n", loaded.Diagnostics)}");
        }
        if (!accepted)
        {
            File.Delete(path);
            return null;
        }
        return (loaded.Value!, path);
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("ARCHPLAN_KEEP_TEST_APPS") != "1")
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a leftover temp folder is harmless.
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RoundTripCollection : ICollectionFixture<RoundTripFixture>
{
    public const string Name = "Round trip batch";
}
