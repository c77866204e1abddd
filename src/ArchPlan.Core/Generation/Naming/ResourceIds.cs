using System.Security.Cryptography;
using System.Text;
using ArchPlan.Kinds;
using ArchPlan.Model;

namespace ArchPlan.Generation.Naming;

/// <summary>
/// The construct id (and stack member) each planned resource gets. Names that collide once made identifiers
/// (<c>my-queue</c>, <c>my_queue</c>, <c>MyQueue</c> are all <c>MyQueue</c>) each get a suffix taken from their own
/// spelling rather than from their order, so reordering the plan never renames a construct (which would make
/// CloudFormation replace the resource). The generator and <c>check</c> (which reports the collision) both ask here.
/// </summary>
internal static class ResourceIds
{
    /// <summary>The identifier a resource's name makes for its kind, before collisions are settled (<c>my-queue</c> → <c>MyQueue</c>).</summary>
    public static string Base(PlannedResource resource)
    {
        var suffix = KindCatalog.For(resource.Kind)?.MemberSuffix(resource.Kind) ?? "";
        return CSharpNames.WithSuffix(resource.Name, suffix, suffix);
    }

    /// <summary>True for the resources the generator makes constructs for (known kind, not marked as existing).</summary>
    public static bool IsGenerated(PlannedResource resource) =>
        resource.Kind != ResourceKind.Unknown && KindCatalog.For(resource.Kind) is not null && !resource.External;

    /// <summary>
    /// Groups of generated resources whose differently spelt names make the same identifier, each group in plan order.
    /// (Names equal but for case are a duplicate, which <c>check</c> reports as an error of its own.)
    /// </summary>
    public static List<List<PlannedResource>> Collisions(IEnumerable<PlannedResource> resources) =>
        [.. resources.Where(IsGenerated)
            .GroupBy(Base, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.ToList())
            .Where(g => g.Select(r => r.Name.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1)];

    /// <summary>
    /// The identifier for a resource whose base identifier another spelling shares: the base plus six hex digits of
    /// the SHA-256 of its spelling. The spelling is the name's ASCII letters, digits and punctuation that names are
    /// made from (<c>-_./:@=+,</c>); anything else (spaces, other characters) leaves the suffix as it is, like it leaves
    /// the identifier. Names that differ only there get numbered suffixes in plan order, as before.
    /// </summary>
    public static string WithSpelling(string baseIdentifier, string name)
    {
        var spelling = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '@' or '=' or '+' or ',')
            {
                spelling.Append(c);
            }
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(spelling.ToString()));
        return baseIdentifier.TrimStart('@') + Convert.ToHexString(hash, 0, 3);
    }
}
