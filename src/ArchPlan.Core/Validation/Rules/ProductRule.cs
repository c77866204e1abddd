using System.Collections.Frozen;
using System.Text.RegularExpressions;
using ArchPlan.Diagnostics;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2018, AP2019: the plan names a product, and the product is a safe folder name.</summary>
/// <remarks>
/// The product becomes <c>apps/&lt;product&gt;/</c>, so anything but a lowercase slug could write
/// outside <c>apps/</c> (<c>../etc</c>, <c>A/B</c>) or name a Windows device (<c>con</c>, <c>nul</c>).
/// </remarks>
internal sealed partial class ProductRule : IPlanRule
{
    private static readonly FrozenSet<string> DeviceNames = new[]
    {
        "con", "prn", "aux", "nul",
        "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    }.ToFrozenSet(StringComparer.Ordinal);

    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        var plan = context.Plan;
        if (plan.Product is null)
        {
            // A product key whose value is a list, a mapping or nothing: the plan meant to name one.
            if (plan.FrontMatter.Find("product") is { } field)
            {
                diagnostics.Add(DiagnosticCatalog.ProductNotSingleValue, field.Location);
                return;
            }
            var location = plan.FrontMatter.IsPresent && plan.FrontMatter.Location.HasPosition ? plan.FrontMatter.Location : context.FileLocation;
            diagnostics.Add(DiagnosticCatalog.MissingProduct, location);
            return;
        }
        if (!IsValidSlug(plan.Product))
        {
            diagnostics.Add(DiagnosticCatalog.InvalidProduct, plan.ProductLocation ?? context.FileLocation, Shown.Text(plan.Product), Suggest(plan.Product));
        }
    }

    /// <summary>A slug close to what the plan wrote ("Game Hub" → "game-hub"), or a generic example.</summary>
    internal static string Suggest(string product)
    {
        var slug = NotSlug().Replace(product.ToLowerInvariant(), "-").Trim('-');
        return slug.Length > 0 && IsValidSlug(slug) ? slug : "acme-games";
    }

    /// <summary>True for a product slug the generator may use as a folder name.</summary>
    public static bool IsValidSlug(string product) => Slug().IsMatch(product) && !DeviceNames.Contains(product);

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NotSlug();

    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\z")]
    private static partial Regex Slug();
}
