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

/// <summary>The plans the round trip chose: each with its origin, name and text, and its batch entry.</summary>
public sealed record RoundTripSelection(
    IReadOnlyList<(PlanOrigin Origin, string Name, string Text, BatchEntry Entry)> Plans, string Seed, int RandomPlansWanted, int RandomPlansWritten, TimeSpan Time)
{
    public IEnumerable<BatchEntry> Entries => Plans.Select(p => p.Entry);

    public int RandomPlansKept => Plans.Count(p => p.Origin == PlanOrigin.Random);
}

/// <summary>
/// Every plan check accepts — the samples, the valid plans of the test corpus and at least 50 random plans written as
/// Markdown — generated and synthesized as stages of the test run's one CDK app (<see cref="TestRunBatch"/>: one build,
/// one synth with the real CDK CLI). A missing CLI or a batch that does not build or synthesize throws: every
/// round-trip test fails, none is skipped.
/// </summary>
public sealed class RoundTripFixture
{
    public RoundTripFixture()
    {
        var run = TestRunBatch.Get();
        Batch = run.Batch;
        Selection = run.RoundTrip;
        Plans = [.. Selection.Plans.Select(p => new RoundTripPlan(p.Origin, p.Name, p.Text, Batch.Member(p.Entry.Id)))];
    }

    public RoundTripSelection Selection { get; }

    /// <summary>The seed the random plans were written from (set ARCHPLAN_ROUNDTRIP_SEED to it to write the same plans).</summary>
    public string Seed => Selection.Seed;

    public int RandomPlansWanted => Selection.RandomPlansWanted;

    /// <summary>How many random plans were written to find <see cref="RandomPlansKept"/> that check accepts and that have compute.</summary>
    public int RandomPlansWritten => Selection.RandomPlansWritten;

    public int RandomPlansKept => Selection.RandomPlansKept;

    public BatchCdkApp Batch { get; }

    public IReadOnlyList<RoundTripPlan> Plans { get; }

    public IEnumerable<RoundTripPlan> From(PlanOrigin origin) => Plans.Where(p => p.Origin == origin);

    /// <summary>Copies every candidate plan into <paramref name="folder"/> and keeps those check accepts that have compute.</summary>
    internal static RoundTripSelection Select(string folder)
    {
        var watch = Stopwatch.StartNew();
        Directory.CreateDirectory(folder);
        var candidates = new List<(PlanOrigin Origin, string Name, string Text)>();
        candidates.AddRange(RepoPaths.AllSamples().Select(p => (PlanOrigin.Sample, Path.GetFileName(p), File.ReadAllText(p))));
        candidates.AddRange(Directory.EnumerateFiles(Path.Combine(RepoPaths.TestFiles, "plans"), "*.md")
            .Where(p => !p.EndsWith("README.md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => (PlanOrigin.Corpus, Path.GetFileName(p), File.ReadAllText(p))));

        var accepted = new List<(PlanOrigin Origin, string Name, string Text, BatchEntry Entry)>();
        foreach (var (origin, name, text) in candidates)
        {
            if (Accept(origin, name, text, $"P{accepted.Count:D3}", folder) is { } entry)
            {
                accepted.Add((origin, name, text, entry));
            }
        }
        var seed = RandomPlanSeed.FromEnvironment();
        var wanted = RandomPlanSeed.PlanCount();
        var written = 0;
        foreach (var (name, text) in RandomPlanSeed.Plans(seed, wanted * 20))
        {
            if (accepted.Count(a => a.Origin == PlanOrigin.Random) == wanted)
            {
                break;
            }
            written++;
            if (Accept(PlanOrigin.Random, name, text, $"P{accepted.Count:D3}", folder) is { } entry)
            {
                accepted.Add((PlanOrigin.Random, name, text, entry));
            }
        }
        return new RoundTripSelection(accepted, seed, wanted, written, watch.Elapsed);
    }

    /// <summary>The plan's copy in the folder when check accepts it (no errors) and it has compute; null otherwise.</summary>
    private static BatchEntry? Accept(PlanOrigin origin, string name, string text, string id, string folder)
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
        return new BatchEntry(id, loaded.Value!, path);
    }
}

[CollectionDefinition(Name)]
public sealed class RoundTripCollection : ICollectionFixture<RoundTripFixture>
{
    public const string Name = "Round trip batch";
}
