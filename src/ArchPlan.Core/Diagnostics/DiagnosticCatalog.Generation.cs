namespace ArchPlan.Diagnostics;

// AP3001..AP3099: generating the CDK app (src/ArchPlan.Core/Generation).
public static partial class DiagnosticCatalog
{
    public static DiagnosticDescriptor GenerationNoProduct { get; } = Error(
        "AP3001", "No product",
        "The plan names no product, so the app's folder apps/<product>/infra/cdk cannot be chosen",
        "Add 'product: <name>' to the front matter, or pass the product as an option.");

    public static DiagnosticDescriptor GenerationInvalidProduct { get; } = Error(
        "AP3002", "Invalid product name",
        "The product '{0}' is not a valid folder name: use lower-case letters, digits and '-' only",
        "Rename the product, for example '{1}'.");

    public static DiagnosticDescriptor GenerationUnknownResource { get; } = Warning(
        "AP3003", "Resource not generated",
        "'{0}' is not a kind of AWS resource ArchPlan knows, so no construct is generated for it",
        "Name the service (e.g. 'Lambda function', 'S3 bucket', 'DynamoDB table') in the list item, or add the construct by hand in the stack's .cs file.");

    public static DiagnosticDescriptor GenerationScopeUnmatched { get; } = Warning(
        "AP3004", "Scope names no compute",
        "The scope '{1}' of {0} matches no Lambda function or Fargate service/task; {2}",
        "Use the resource's name from AWS Resources (e.g. '{3}'), or leave the scope empty for every compute.");

    public static DiagnosticDescriptor GenerationValueFromResource { get; } = Info(
        "AP3005", "Value from a resource",
        "{0} is set to the {1} of {2} '{3}' ({4}); {5}",
        "Write the resource's name in the value (e.g. '_(from {3})_') to choose another resource.");

    public static DiagnosticDescriptor GenerationValueFromName { get; } = Info(
        "AP3006", "Value inferred from the variable's name",
        "{0} names {2} '{3}', so it is set to the {1} of that resource instead of a configured value; {4}",
        "Rename the variable if it does not refer to '{3}'.");

    public static DiagnosticDescriptor GenerationResourceNotFound { get; } = Warning(
        "AP3007", "Resource for a value not found",
        "{0} takes its value from '{1}', but no resource of the plan matches; the value is read from CDK context instead",
        "Name a resource listed under AWS Resources, or give the value with 'cdk synth -c {0}=...'.");

    public static DiagnosticDescriptor GenerationResourceAmbiguous { get; } = Warning(
        "AP3008", "Several resources match a value",
        "{0} takes its value from '{1}', which matches {2}; '{3}' is used",
        "Write the resource's name in the value, e.g. '_(from {3})_'.");

    public static DiagnosticDescriptor GenerationSecretNameOnly { get; } = Warning(
        "AP3009", "Container secret known by name only",
        "{0} is injected into '{1}' from secret '{2}' known only by name; ECS needs the secret's complete ARN (aws-cdk#20744)",
        "Supply the ARN at synth: 'cdk synth -c \"{2}:arn=arn:aws:secretsmanager:...\"' or add the key to cdk.json's context.");

    public static DiagnosticDescriptor GenerationSecretUnknown { get; } = Warning(
        "AP3010", "Secret not in the Secrets table",
        "{0} refers to secret '{1}', which the Secrets table does not list; it is still referenced by that name",
        "Add '{1}' to the Secrets table so its format and fields are known.");

    public static DiagnosticDescriptor GenerationSecretMissing { get; } = Warning(
        "AP3011", "Secret for a value not identified",
        "{0} comes from a secret, but the plan does not say which; the value is read from CDK context instead",
        "Name the secret in the value cell, e.g. '{1}'.");

    public static DiagnosticDescriptor GenerationSecretFieldUnknown { get; } = Warning(
        "AP3012", "Secret field not in the secret's format",
        "{0} reads field '{1}' of secret '{2}', whose format lists only {3}",
        "Add '{1}' to the secret's JSON format, or fix the field name.");

    public static DiagnosticDescriptor GenerationSecretNameSuffix { get; } = Warning(
        "AP3013", "Secret name looks like an ARN suffix",
        "Secret '{0}' ends with a hyphen and six characters; Secrets Manager then treats the name as a complete ARN and name-based grants fail at run time (aws-cdk#27530)",
        "Rename the secret so its last segment is not '-' plus six characters, or supply its ARN with -c \"{0}:arn=...\".");

    public static DiagnosticDescriptor GenerationSecretNameInvalid { get; } = Warning(
        "AP3014", "Secret name has characters Secrets Manager rejects",
        "Secret '{0}' contains characters outside letters, digits and /_+=.@-",
        "Rename the secret using only letters, digits and /_+=.@-.");

    public static DiagnosticDescriptor GenerationLambdaReservedVariable { get; } = Warning(
        "AP3015", "Variable reserved by Lambda",
        "{0} is reserved by the Lambda runtime, so it is not set on function '{1}'",
        "Rename the variable, or scope it to the containers only.");

    public static DiagnosticDescriptor GenerationLambdaInvalidVariable { get; } = Warning(
        "AP3016", "Variable name invalid for Lambda",
        "'{0}' is not a valid Lambda variable name (a letter, then letters, digits or '_'; at least 2 characters), so it is not set on function '{1}'",
        "Rename the variable, e.g. '{2}'.");

    public static DiagnosticDescriptor GenerationDuplicateVariable { get; } = Warning(
        "AP3017", "Variable defined twice",
        "{0} is defined again here; the first definition is used",
        "Remove one of the rows.");

    public static DiagnosticDescriptor GenerationLambdaEnvironmentTooLarge { get; } = Warning(
        "AP3018", "Lambda environment may exceed 4 KB",
        "The environment of function '{0}' is about {1} bytes; Lambda rejects more than 4096 at deploy",
        "Move large values to SSM Parameter Store or Secrets Manager.");

    public static DiagnosticDescriptor GenerationPlaceholderImage { get; } = Warning(
        "AP3019", "Placeholder container image",
        "'{0}' names no ECR repository, so it runs a placeholder image (busybox)",
        "Name the ECR repository in the plan (e.g. 'image from ECR repository `{1}`'), or change the image in the generated code's scaffold.");

    public static DiagnosticDescriptor GenerationUnknownRuntime { get; } = Warning(
        "AP3020", "Lambda runtime not known",
        "Runtime '{1}' of function '{0}' is not one ArchPlan knows Lambda offers; it is used as written",
        "Use a Lambda runtime identifier such as python3.13, nodejs22.x, java21 or dotnet10.");

    public static DiagnosticDescriptor GenerationNoRuntime { get; } = Warning(
        "AP3021", "Lambda runtime not given",
        "Function '{0}' has no runtime in the plan; {1} is used with a placeholder handler",
        "Write the runtime in the resource's list item, e.g. '(Python 3.12)'.");

    public static DiagnosticDescriptor GenerationValueAdjusted { get; } = Warning(
        "AP3022", "Setting out of range",
        "{0} of '{1}' is {2}, outside what AWS allows; {3} is used",
        "Use a value within {4}.");

    public static DiagnosticDescriptor GenerationApiWithoutFunction { get; } = Warning(
        "AP3023", "API fronts no function",
        "API '{0}' fronts no Lambda function of the plan; it is generated with a placeholder integration",
        "Say which function the API fronts, e.g. 'API Gateway in front of `{0}`'.");

    public static DiagnosticDescriptor GenerationAlarmWithoutMetric { get; } = Warning(
        "AP3024", "Alarm watches nothing",
        "Alarm '{0}' names no resource with a metric, so it is not generated",
        "Say which resource the alarm watches, e.g. 'alarm on `<function>` errors'.");

    public static DiagnosticDescriptor GenerationAlarmMetricInferred { get; } = Info(
        "AP3025", "Alarm metric chosen",
        "Alarm '{0}' watches {1} of '{2}'{3}",
        "Edit the metric in the stack's .cs file if another one is meant.");

    public static DiagnosticDescriptor GenerationRuleWithoutTrigger { get; } = Warning(
        "AP3026", "Rule without schedule",
        "Rule '{0}' has no schedule, so it gets a placeholder event pattern that matches nothing",
        "Give the schedule (e.g. 'daily at 10:00 UTC') or write the event pattern in the stack's .cs file.");

    public static DiagnosticDescriptor GenerationLinkNotWired { get; } = Warning(
        "AP3027", "Relationship not generated",
        "'{0}' {1} '{2}', which the generator does not wire",
        "Wire it by hand in the stack's .cs file.");

    public static DiagnosticDescriptor GenerationPlaceholderDefinition { get; } = Info(
        "AP3028", "Placeholder state machine",
        "State machine '{0}' gets a placeholder definition (one Pass state)",
        "Replace the definition in the stack's .cs file.");

    public static DiagnosticDescriptor GenerationReservedContextKey { get; } = Warning(
        "AP3029", "Variable name clashes with a context key",
        "{0} has the same name as the context key that selects the environment; it is read from context key '{1}' instead",
        "Rename the variable.");

    public static DiagnosticDescriptor GenerationEnvironmentValueIgnored { get; } = Warning(
        "AP3030", "Per-environment value not used",
        "The {1} value of {0} is not a literal, so it is not stored in cdk.json",
        "Write a literal value for each environment.");

    public static DiagnosticDescriptor GenerationVariableConflict { get; } = Warning(
        "AP3031", "Variable set twice on one compute",
        "{0} is already set on '{1}' by another variable or secret; this one is skipped",
        "Rename one of them.");

    public static DiagnosticDescriptor GenerationFargateSize { get; } = Warning(
        "AP3032", "Fargate size not supported",
        "'{0}' asks for {1} CPU units and {2} MiB, which Fargate does not offer",
        "Use a supported pair, e.g. 256/512, 512/1024, 1024/2048, 2048/4096, 4096/8192.");

    public static DiagnosticDescriptor GenerationInvalidRepository { get; } = Warning(
        "AP3033", "ECR repository name invalid",
        "'{1}' (image of '{0}') is not a valid ECR repository name; a placeholder image is used",
        "Use lower-case letters, digits and ._-/ only.");

    public static DiagnosticDescriptor GenerationTemplateError { get; } = Error(
        "AP3034", "Template error",
        "Template '{0}' failed: {1}",
        "Fix the template (or remove the override from the templates directory).");

    public static DiagnosticDescriptor GenerationSecretFieldColon { get; } = Warning(
        "AP3035", "Secret field name contains ':'",
        "Field '{1}' of secret '{2}' (for {0}) contains ':', which breaks the ECS secret reference",
        "Rename the field in the secret.");

    public static DiagnosticDescriptor GenerationLambdaSecret { get; } = Info(
        "AP3036", "Secret passed to a function by ARN",
        "{0} comes from secret '{1}'; function '{2}' gets the secret's ARN in {3} and reads the value at run time",
        "Read the secret in the handler with the AWS SDK (GetSecretValue{4}).");

    public static DiagnosticDescriptor GenerationLinkTargetMissing { get; } = Warning(
        "AP3037", "Relationship names an unknown resource",
        "'{0}' refers to '{1}', which is not a resource of the plan",
        "Use the name of a resource listed under AWS Resources.");

    public static DiagnosticDescriptor GenerationNoCompute { get; } = Info(
        "AP3038", "No compute for variables",
        "The plan has variables but no Lambda function or Fargate service/task, so they are only stored in cdk.json",
        "Add the compute resource to AWS Resources.");

    public static DiagnosticDescriptor GenerationAttributeNeedsAnother { get; } = Warning(
        "AP3040", "Setting needs another the plan does not state",
        "'{1}' of '{0}' takes effect only with {2}, which the plan does not state; it is generated as written",
        "Say that the resource is {3} as well, or drop the phrase.");

    public static DiagnosticDescriptor GenerationDefaultUsed { get; } = Info(
        "AP3041", "Default used for an unstated setting",
        "The {0} of '{1}' is not stated in the plan; {2} is used",
        "{3}");

    public static DiagnosticDescriptor GenerationAttributeOverridden { get; } = Warning(
        "AP3042", "Stated setting cannot be generated as written",
        "'{1}' of '{0}' cannot be generated as written: {2}; {3} is used instead",
        "Change the plan's words to what is generated, or change the design so both hold.");

    public static DiagnosticDescriptor GenerationNotGenerated { get; } = Info(
        "AP3043", "Stated but not generated",
        "'{0}': not generated from the plan: {1}",
        "Each phrase is listed in the app's README under 'Not generated' and as a comment in the stack's .cs file; add it by hand there, or reword it so ArchPlan understands it.");

    public static DiagnosticDescriptor GenerationAccessDefault { get; } = Info(
        "AP3044", "Access granted without a stated direction",
        "'{0}' gets {1}: the plan does not say whether it reads or writes {2} '{3}'",
        "Say 'reads from `{3}`' or 'writes to `{3}`' next to the compute to grant only what it needs.");

    public static DiagnosticDescriptor GenerationExternalResource { get; } = Warning(
        "AP3045", "Value from a resource the plan does not create",
        "{0} comes from '{1}', which the plan does not create; its value is read from CDK context key '{2}' (seeded empty in cdk.json), and synth fails until it is given",
        "Give the value with 'cdk synth -c {2}=...' or in cdk.json; list the resource under AWS Resources if this stack should create it.");

    public static DiagnosticDescriptor GenerationExternalResourceListed { get; } = Info(
        "AP3046", "Existing resource referenced, not created",
        "{1} '{0}' already exists, so the stack does not create it",
        "Values that come from it are read from CDK context; remove 'existing' from its entry if this stack should create it.");

    public static DiagnosticDescriptor GenerationApiFunctionInferred { get; } = Info(
        "AP3047", "API function inferred",
        "API '{0}' fronts '{1}', the plan's only function",
        "Say so in the plan ('in front of `{1}`') to make it explicit.");

    public static DiagnosticDescriptor GenerationDependencyCycle { get; } = Error(
        "AP3053", "Resources depend on each other in a circle",
        "{0}: each needs the next one to exist first, so CloudFormation would refuse the stack",
        "Break the circle in the plan: {1}");

    public static DiagnosticDescriptor GenerationGrantApart { get; } = Info(
        "AP3054", "Permission kept in a policy of its own",
        "{0} gets {1} on {2} through a policy of its own, since {2} already depends on {0}",
        "Nothing to do: one policy attached to the same role would make the stack circular.");

    public static DiagnosticDescriptor GenerationNamedAhead { get; } = Info(
        "AP3055", "Resource named ahead",
        "State machine '{0}' gets a name fixed ahead (the stack's name, then its construct id), so '{1}', which it runs, can get its ARN in {2} without a reference",
        "Nothing to do: a reference would make the two depend on each other in a circle. Do not rename the state machine by hand.");

    public static DiagnosticDescriptor GenerationApiIamDefault { get; } = Info(
        "AP3056", "API requires IAM-signed requests",
        "API '{0}' requires IAM (SigV4-signed) requests: the plan does not say who may call it",
        "Write 'public' (or 'no auth') in the API's list item to open it to everyone, or add an authorizer in the stack's .cs file.");

    public static DiagnosticDescriptor GenerationApiSeveralFunctions { get; } = Warning(
        "AP3048", "API fronts several functions without routes",
        "API '{0}' fronts both '{1}' and '{2}' but names no routes; every request goes to '{1}'",
        "List the routes with the function serving each, e.g. 'POST /orders → `{2}`'.");

    public static DiagnosticDescriptor GenerationRouteWithoutFunction { get; } = Warning(
        "AP3049", "Route without a function",
        "Route {1} of API '{0}' names no function that serves it ({2}); it gets a placeholder integration",
        "Write the function beside the route, e.g. '{1} → `my-function`'.");

    public static DiagnosticDescriptor GenerationRuleWithoutTarget { get; } = Warning(
        "AP3050", "Rule starts nothing",
        "Rule '{0}' starts nothing: the plan names no function, task or state machine for it",
        "Say what it starts, e.g. 'triggers `my-function`'.");

    public static DiagnosticDescriptor GenerationSecretWithoutCompute { get; } = Info(
        "AP3051", "Secret with no compute to read it",
        "Secret '{0}' is imported, but the plan has no Lambda function or Fargate service/task to read it",
        "Add the compute that reads the secret to AWS Resources.");

    public static DiagnosticDescriptor GenerationSecretWired { get; } = Info(
        "AP3052", "Secret passed to compute by ARN",
        "Secret '{0}' reaches {1} as variable {2} (its ARN), with read access to that secret only: {3}",
        "Read the value at run time with GetSecretValue; a 'Used by' column in the Secrets table narrows who reads it.");
}
