using System.Text.RegularExpressions;
using ArchPlan.Diagnostics;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2053: plan text that the AWS CDK would read as one of its token references (<c>${Token[AWS.Region.6]}</c>).</summary>
/// <remarks>
/// The CDK scans every string of a construct for <c>${Token[KEY]}</c>: a key it knows becomes a CloudFormation reference
/// (<c>AWS.Region.6</c> is the stack's region), an unknown one fails synth. The generated app writes such text with
/// <c>Fn::Sub</c> so it deploys exactly as written; the warning says so, since a plan rarely means it literally.
/// </remarks>
internal sealed partial class CdkTokenTextRule : IPlanRule
{
    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        var plan = context.Plan;
        foreach (var variable in plan.Variables.Concat(plan.BuildTimeVariables))
        {
            if (variable.Value.Text is { } value && TokenText().Match(value) is { Success: true } match)
            {
                diagnostics.Add(DiagnosticCatalog.CdkTokenText, ValidationContext.ValueLocationOf(variable), "the value", variable.Name, match.Value);
            }
            foreach (var perEnvironment in variable.PerEnvironment)
            {
                if (perEnvironment.Value.Text is { } text && TokenText().Match(text) is { Success: true } found)
                {
                    var location = perEnvironment.Location.HasPosition ? perEnvironment.Location : ValidationContext.ValueLocationOf(variable);
                    diagnostics.Add(DiagnosticCatalog.CdkTokenText, location, $"the {perEnvironment.Environment} value", variable.Name, found.Value);
                }
            }
        }
        foreach (var secret in plan.Secrets)
        {
            if (TokenText().Match(secret.Name) is { Success: true } match)
            {
                diagnostics.Add(DiagnosticCatalog.CdkTokenText, secret.Location, "the name", secret.Name, match.Value);
            }
        }
        foreach (var resource in plan.Resources)
        {
            if (TokenText().Match(resource.Name) is { Success: true } match)
            {
                diagnostics.Add(DiagnosticCatalog.CdkTokenText, resource.Location, "the name", resource.Name, match.Value);
            }
        }
    }

    /// <summary>The CDK's encoded token: <c>${Token[KEY]}</c> in a string, <c>#{Token[KEY]}</c> as a list element; KEY of <c>[a-zA-Z0-9:._-]</c>.</summary>
    [GeneratedRegex(@"[$#]\{Token\[[A-Za-z0-9:._-]+\]\}")]
    internal static partial Regex TokenText();
}
