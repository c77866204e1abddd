namespace ArchPlan.Reading;

/// <summary>Recognises deployment environment names (dev, staging, prod, ...) and gives each one canonical spelling.</summary>
public static class EnvironmentNames
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dev"] = "dev",
        ["development"] = "dev",
        ["develop"] = "dev",
        ["local"] = "local",
        ["test"] = "test",
        ["testing"] = "test",
        ["qa"] = "qa",
        ["uat"] = "uat",
        ["sandbox"] = "sandbox",
        ["stage"] = "staging",
        ["staging"] = "staging",
        ["stg"] = "staging",
        ["preprod"] = "preprod",
        ["pre-prod"] = "preprod",
        ["pre-production"] = "preprod",
        ["prod"] = "prod",
        ["production"] = "prod",
        ["prd"] = "prod",
    };

    /// <summary>The canonical name for a word such as "Production" (→ prod), or null when it names no environment.</summary>
    public static string? Canonical(string? word)
    {
        if (string.IsNullOrWhiteSpace(word))
        {
            return null;
        }
        var trimmed = word.Trim().Trim('`', '*', '_', '(', ')', ':', '.').Trim();
        if (trimmed.EndsWith(" environment", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[..^" environment".Length].Trim();
        }
        if (trimmed.EndsWith(" value", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[..^" value".Length].Trim();
        }
        return Known.GetValueOrDefault(trimmed);
    }

    /// <summary>Finds an environment named in a heading such as "Production" or "Environment Variables (staging)".</summary>
    public static string? InHeading(string heading)
    {
        if (Canonical(heading) is { } whole)
        {
            return whole;
        }
        var open = heading.IndexOf('(');
        var close = heading.LastIndexOf(')');
        return open >= 0 && close > open ? Canonical(heading[(open + 1)..close]) : null;
    }
}
