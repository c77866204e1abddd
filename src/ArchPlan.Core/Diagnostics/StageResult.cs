using System.Collections.Immutable;

namespace ArchPlan.Diagnostics;

/// <summary>What every stage returns: its value (absent when it could not produce one) and its diagnostics.</summary>
public sealed record StageResult<T>(T? Value, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
