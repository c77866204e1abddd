namespace ArchPlan.Diagnostics;

// AP2050..AP2069: credentials, terminal-controlling characters and CDK token text, wherever they would be printed or
// written (tables from a template, the plan check). See docs/credentials.md.
public static partial class DiagnosticCatalog
{
    /// <summary>A value in the infrastructure looks like a credential: tables neither prints it nor writes it to the plan.</summary>
    public static readonly DiagnosticDescriptor CredentialInInfrastructure = Warning(
        "AP2050",
        "Credential in the infrastructure",
        "the value of {0} on {1} looks like a credential ({2}); it is neither printed nor written to the plan",
        "Keep the credential in Secrets Manager and hand the compute the secret, then rotate it: it is in the code or template. The plan's cell for {0} is left as it is.");

    /// <summary>A value in the infrastructure holds characters a plan cannot hold.</summary>
    public static readonly DiagnosticDescriptor UnwritableInfrastructureValue = Warning(
        "AP2051",
        "Value a plan cannot hold",
        "the value of {0} on {1} holds {2}, a control character a plan cannot hold; it is not written to the plan",
        "Remove the character from the value in the code (it is invisible and can drive a terminal). The plan's cell for {0} is left as it is.");

    /// <summary>A variable or secret name in the infrastructure holds control characters or a credential.</summary>
    public static readonly DiagnosticDescriptor UnwritableInfrastructureName = Warning(
        "AP2052",
        "Name a plan cannot hold",
        "the {0} name '{1}' in the infrastructure {2}; its row is left out of the tables",
        "Rename it in the code: names go into the plan, the terminal and logs.");

    /// <summary>A plan value holds text the AWS CDK reads as a token reference.</summary>
    public static readonly DiagnosticDescriptor CdkTokenText = Warning(
        "AP2053",
        "Text the AWS CDK reads as a token",
        "{0} of '{1}' holds '{2}', which the AWS CDK reads as a reference to one of its tokens (it resolves to something else, or synth fails)",
        "If the text is meant literally, keep it: the generated app writes it with Fn::Sub so that the deployed value is exactly this text. If you meant an AWS value, say which (for example _(from stack region)_).");
}
