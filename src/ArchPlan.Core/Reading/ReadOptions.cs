namespace ArchPlan.Reading;

/// <summary>Options for reading a plan.</summary>
/// <param name="Product">The product slug to use when the plan names none (the --product option).</param>
public sealed record ReadOptions(string? Product = null)
{
    /// <summary>Plans larger than this are refused: real plans are a few kilobytes, and Markdig slows down sharply on huge input.</summary>
    public const int MaxPlanBytes = 2 * 1024 * 1024;
}
