namespace ArchPlan.Validation.Rules;

/// <summary>Front-matter values as the rules compare them.</summary>
internal static class FrontMatterValue
{
    /// <summary>The value without a trailing YAML comment (<c> # ...</c>) or surrounding quotes.</summary>
    /// <remarks>The reader normally drops comments already; this keeps the rules right if it kept one.</remarks>
    public static string Bare(string? value)
    {
        if (value is null)
        {
            return "";
        }
        var comment = value.IndexOf(" #", StringComparison.Ordinal);
        var bare = (comment >= 0 ? value[..comment] : value).Trim();
        return bare.Length >= 2 && bare[0] is '"' or '\'' && bare[^1] == bare[0] ? bare[1..^1].Trim() : bare;
    }
}
