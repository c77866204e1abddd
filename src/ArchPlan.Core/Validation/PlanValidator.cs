using System.Collections.Immutable;
using ArchPlan.Diagnostics;
using ArchPlan.Model;
using ArchPlan.Validation.Rules;

namespace ArchPlan.Validation;

/// <summary>Checks a plan the reader built for problems the generator cannot fix by itself (AP2001..AP2099).</summary>
public static class PlanValidator
{
    // Order does not matter for the output (it is sorted by location); it is the README's order.
    private static readonly ImmutableArray<IPlanRule> Rules =
    [
        new PlaceholderRule(),
        new StatusRule(),
        new DateRule(),
        new DuplicateVariableRule(),
        new DuplicateSecretRule(),
        new VariableNameRule(),
        new ReservedLambdaVariableRule(),
        new LambdaEnvironmentSizeRule(),
        new SecretNameRule(),
        new RequiredValueRule(),
        new RequiredWithoutValueRule(),
        new CredentialRule(),
        new ProductRule(),
        new SecretReferenceRule(),
        new NoConfigurationRule(),
        new ValueSourceRule(),
        new ValueAmbiguityRule(),
        new ScopeRule(),
        new SecretFieldRule(),
        new DuplicateResourceRule(),
        new ComputeLimitsRule(),
        new PrivateKeyBlockRule(),
        new HiddenCharacterRule(),
        new CdkTokenTextRule(),
        new RuntimeLifecycleRule(),
        new ResourceIdCollisionRule(),
        new ResourceNameLengthRule(),
    ];

    /// <summary>Runs every rule; the diagnostics come back sorted by location.</summary>
    /// <param name="plan">The plan as the reader built it.</param>
    /// <param name="sourceText">The plan file's full text, which the locations in <paramref name="plan"/> point into.</param>
    public static ImmutableArray<Diagnostic> Validate(Plan plan, string sourceText)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(sourceText);

        var context = new ValidationContext(plan, sourceText);
        var diagnostics = new DiagnosticBag();
        foreach (var rule in Rules)
        {
            rule.Check(context, diagnostics);
        }
        return diagnostics.ToImmutableSorted();
    }

    /// <summary>Runs one rule, for tests.</summary>
    internal static ImmutableArray<Diagnostic> Run(IPlanRule rule, Plan plan, string sourceText = "")
    {
        var diagnostics = new DiagnosticBag();
        rule.Check(new ValidationContext(plan, sourceText), diagnostics);
        return diagnostics.ToImmutableSorted();
    }
}
