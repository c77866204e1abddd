using System.Collections.Frozen;
using ArchPlan.Diagnostics;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2008, AP2009: names the Lambda runtime sets itself, on variables that reach a Lambda function.</summary>
/// <remarks>
/// TZ has its own id because it fails differently: CDK 2.160 rejects the others at synth, but lets TZ
/// through and the deployment fails. Names compare case-sensitively, as Lambda's do.
/// </remarks>
internal sealed class ReservedLambdaVariableRule : IPlanRule
{
    public const string TimeZone = "TZ";

    private const string LambdaPrefix = "AWS_LAMBDA_";

    private static readonly FrozenSet<string> Reserved = new[]
    {
        "_HANDLER",
        "_X_AMZN_TRACE_ID",
        "AWS_REGION",
        "AWS_DEFAULT_REGION",
        "AWS_EXECUTION_ENV",
        "AWS_ACCESS_KEY",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "LAMBDA_TASK_ROOT",
        "LAMBDA_RUNTIME_DIR",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True for a name Lambda reserves (TZ included).</summary>
    public static bool IsReserved(string name) =>
        Reserved.Contains(name) || name.StartsWith(LambdaPrefix, StringComparison.Ordinal) || name == TimeZone;

    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        foreach (var variable in context.Plan.Variables)
        {
            if (!IsReserved(variable.Name) || !context.ReachesLambda(variable))
            {
                continue;
            }
            var descriptor = variable.Name == TimeZone ? DiagnosticCatalog.ReservedLambdaTimeZone : DiagnosticCatalog.ReservedLambdaVariable;
            diagnostics.Add(descriptor, variable.Location, Shown.Text(variable.Name));
        }
    }
}
