using System.Text.RegularExpressions;
using ArchPlan.Generation.Naming;

namespace ArchPlan.Generation;

/// <summary>
/// The generated stack's C# class and CDK construct id. The files people own (Program.cs, the stack's partial class)
/// name them, and CloudFormation knows the stack by the id, so they stay the same across runs (recorded in the manifest).
/// </summary>
public sealed partial record StackIdentity(string ClassName, string ConstructId)
{
    /// <summary>
    /// True for an ASCII C# identifier that is no keyword, not <c>Stack</c> and safe as a file name (it names
    /// <c>&lt;Class&gt;.cs</c>), and a construct id CDK accepts; a manifest is input, so its values are checked.
    /// </summary>
    public bool IsValid =>
        ClassName is not null && ClassPattern().IsMatch(ClassName)
        && CSharpNames.EscapeKeyword(ClassName) == ClassName && ClassName != "Stack"
        && !Output.ProductSlug.IsReservedDeviceName(ClassName)
        && ConstructId is not null && ConstructIdPattern().IsMatch(ConstructId);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,199}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ClassPattern();

    // CloudFormation stack names: a letter, then letters, digits and hyphens; the generator adds "-<environment>".
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_-]{0,99}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ConstructIdPattern();
}
