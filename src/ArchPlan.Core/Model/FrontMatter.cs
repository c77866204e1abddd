using ArchPlan.Common;
using ArchPlan.Diagnostics;

namespace ArchPlan.Model;

/// <summary>The plan's YAML front matter. Values are kept as written (strings), never as YAML-typed values.</summary>
public sealed record FrontMatter
{
    public static FrontMatter Missing(string file) => new() { Location = SourceLocation.OfFile(file), IsPresent = false };

    /// <summary>True when the plan has a front-matter block at all.</summary>
    public bool IsPresent { get; init; }

    /// <summary>Where the block starts (the opening <c>---</c>).</summary>
    public SourceLocation Location { get; init; }

    /// <summary>Each top-level key as written, in order, with the location of its key in the plan file.</summary>
    public EquatableArray<FrontMatterField> Fields { get; init; } = EquatableArray<FrontMatterField>.Empty;

    public string? Title => Get("title");

    public string? Date => Get("date");

    public string? Status => Get("status");

    public string? Author => Get("author");

    public string? RelatedRfc => Get("related_rfc");

    public string? Discussion => Get("discussion");

    public string? Product => Get("product");

    /// <summary>The value of the last field named <paramref name="key"/> (YAML's rule), null when absent or empty.</summary>
    public string? Get(string key)
    {
        var field = Find(key);
        return string.IsNullOrWhiteSpace(field?.Value) ? null : field.Value;
    }

    public FrontMatterField? Find(string key) => Fields.LastOrDefault(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One top-level front-matter key with its scalar value (null for empty or non-scalar values).</summary>
public sealed record FrontMatterField(string Key, string? Value, SourceLocation Location);
