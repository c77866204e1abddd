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
    /// <remarks>For comparing environments; the model keeps the plan's own spelling (see <see cref="Name"/>).</remarks>
    public static string? Canonical(string? word) => Strip(word) is { } trimmed ? Known.GetValueOrDefault(trimmed) : null;

    /// <summary>The environment a word names, as the plan spells it, lower-cased ("Production" → production), or null when it names none.</summary>
    /// <remarks>The plan's spelling is kept because it becomes the environment's name in the generated app and on the command line.</remarks>
    public static string? Name(string? word) =>
        Strip(word) is { } trimmed && Known.ContainsKey(trimmed) ? trimmed.ToLowerInvariant() : null;

    /// <summary>Finds an environment named in a heading such as "Production" or "Environment Variables (staging)", as the heading spells it.</summary>
    public static string? InHeading(string heading)
    {
        if (Name(heading) is { } whole)
        {
            return whole;
        }
        var open = heading.IndexOf('(');
        var close = heading.LastIndexOf(')');
        return open >= 0 && close > open ? Name(heading[(open + 1)..close]) : null;
    }

    /// <summary>
    /// The environment a secret's name is for, when one segment of it names one (<c>acme/prod/stripe</c>,
    /// <c>ledger-env-staging</c>), as the name spells it; null when none or several do.
    /// </summary>
    public static string? InSecretName(string name)
    {
        string? found = null;
        foreach (var segment in name.Split(['/', '-', '_', '.', ':'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Known.ContainsKey(segment))
            {
                if (found is not null && !string.Equals(Known[found], Known[segment], StringComparison.Ordinal))
                {
                    return null;
                }
                found ??= segment.ToLowerInvariant();
            }
        }
        return found;
    }

    private static string? Strip(string? word)
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
        return trimmed;
    }
}
