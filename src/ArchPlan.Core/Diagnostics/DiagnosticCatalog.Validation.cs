namespace ArchPlan.Diagnostics;

// AP2xxx: validation (ArchPlan.Validation.PlanValidator). The README in src/ArchPlan.Core/Validation
// lists each rule with the reason behind it; keep the two in step.
public static partial class DiagnosticCatalog
{
    /// <summary>{0}: the placeholder as written.</summary>
    public static readonly DiagnosticDescriptor PlaceholderNotFilled = Error(
        "AP2001",
        "Template placeholder not filled in",
        "'{0}' is a placeholder from the plan template that was not filled in",
        "Replace '{0}' with this plan's own text, or delete it if the section does not apply.");

    /// <summary>{0}: the status as written.</summary>
    public static readonly DiagnosticDescriptor InvalidStatus = Error(
        "AP2002",
        "Invalid plan status",
        "Status '{0}' is not one of active, implemented, superseded",
        "Set 'status:' to active (being built), implemented (built and deployed) or superseded (replaced by a newer plan).");

    /// <summary>{0}: the date as written.</summary>
    public static readonly DiagnosticDescriptor InvalidDate = Error(
        "AP2003",
        "Invalid plan date",
        "Date '{0}' is not a valid YYYY-MM-DD date",
        "Write 'date:' as a real calendar date in the form YYYY-MM-DD, for example 2025-03-14.");

    /// <summary>{0}: variable name; {1}: line of the first definition.</summary>
    public static readonly DiagnosticDescriptor DuplicateVariable = Error(
        "AP2004",
        "Duplicate environment variable",
        "Variable '{0}' is defined again; it was first defined on line {1}",
        "Keep one row for '{0}' (CDK keeps only the last value, and the generated code fails at synth on a duplicate key). Give different values per environment in environment columns, or per function with the Scope column.");

    /// <summary>{0}: secret name; {1}: line of the first row.</summary>
    public static readonly DiagnosticDescriptor DuplicateSecret = Error(
        "AP2005",
        "Duplicate secret",
        "Secret '{0}' is listed again; it was first listed on line {1}",
        "Keep one row for '{0}' in the Secrets table; two rows would create two constructs for the same secret.");

    /// <summary>{0}: variable name.</summary>
    public static readonly DiagnosticDescriptor InvalidLambdaVariableName = Error(
        "AP2006",
        "Invalid Lambda environment variable name",
        "'{0}' is not a valid Lambda environment variable name",
        "Lambda accepts names that start with a letter and continue with at least one letter, digit or underscore ([a-zA-Z][a-zA-Z0-9_]+). Rename '{0}', for example by replacing '-', '.' and spaces with '_'.");

    /// <summary>{0}: variable name.</summary>
    public static readonly DiagnosticDescriptor NonPortableVariableName = Warning(
        "AP2007",
        "Environment variable name not portable",
        "'{0}' is not a portable environment variable name",
        "Use letters, digits and underscores, not starting with a digit ([A-Za-z_][A-Za-z0-9_]*): shells and most runtimes cannot read other names, and Lambda rejects them.");

    /// <summary>{0}: variable name.</summary>
    public static readonly DiagnosticDescriptor ReservedLambdaVariable = Error(
        "AP2008",
        "Environment variable reserved by Lambda",
        "'{0}' is reserved by the Lambda runtime and cannot be set on a function",
        "Rename '{0}' (for example with your product's prefix). Lambda sets _HANDLER, AWS_REGION, AWS_LAMBDA_*, the AWS_* credential variables and LAMBDA_* itself, and CDK refuses to synthesize a function that sets them.");

    /// <summary>{0}: variable name (TZ).</summary>
    public static readonly DiagnosticDescriptor ReservedLambdaTimeZone = Error(
        "AP2009",
        "TZ is reserved by Lambda",
        "'{0}' is reserved by the Lambda runtime and cannot be set on a function",
        "Remove '{0}' or give it another name and set the time zone in code. CDK synthesizes a function that sets TZ, but the deployment then fails; Lambda functions run in UTC.");

    /// <summary>{0}: function name; {1}: estimated bytes; {2}: environment name or "default"; {3}: the largest variables with their sizes.</summary>
    public static readonly DiagnosticDescriptor LambdaEnvironmentTooLarge = Error(
        "AP2010",
        "Lambda environment over 4 KB",
        "Lambda function '{0}' gets an estimated {1} bytes of environment variables (environment: {2}); Lambda allows at most 4096. Largest: {3}",
        "Lambda measures the JSON-encoded map of a function's variables and rejects more than 4 KB at deploy time; CDK does not check it at synth. The estimate counts literal values as written and about 100 characters for each value taken from a resource or a secret (an ARN). Scope variables to the functions that need them (Scope column), shorten values, or move large values to SSM Parameter Store or Secrets Manager and read them at run time.");

    /// <summary>{0}: secret name.</summary>
    public static readonly DiagnosticDescriptor InvalidSecretName = Error(
        "AP2011",
        "Invalid Secrets Manager name",
        "'{0}' is not a valid Secrets Manager secret name",
        "Secret names are 1 to 512 characters of ASCII letters, digits and / _ + = . @ - only. Rename the secret, for example 'product/db/credentials'.");

    /// <summary>{0}: secret name; {1}: the six-character ending.</summary>
    public static readonly DiagnosticDescriptor SecretNameLooksLikeArnSuffix = Error(
        "AP2012",
        "Secret name ends like an ARN suffix",
        "Secret name '{0}' ends in a hyphen and six characters ('-{1}'), like the random suffix of a secret ARN",
        "Secrets Manager and CDK's FromSecretNameV2 take such a name for a complete ARN, and reads of the secret fail with AccessDenied at run time (aws-cdk #27530). Change the ending, for example '/{1}' or '-{1}-key'; an existing secret can keep its name if the app gets its complete ARN ('cdk synth -c \"{0}:arn=arn:aws:secretsmanager:...\"').");

    /// <summary>{0}: secret name.</summary>
    public static readonly DiagnosticDescriptor AwsManagedSecretName = Error(
        "AP2013",
        "Secret managed by an AWS service",
        "'{0}' is a secret that an AWS service creates and manages; it cannot be declared in the Secrets table",
        "Names such as 'rds!db-…' belong to secrets that RDS (or another service) creates and rotates itself, and the '!' is not allowed in a secret you create. Remove the row and take the value from the database instead (_(from RDS)_), or reference the managed secret by its ARN in code.");

    /// <summary>{0}: variable name; {1}: the Required cell as written.</summary>
    public static readonly DiagnosticDescriptor InvalidRequiredValue = Error(
        "AP2014",
        "Required cell is neither yes nor no",
        "The Required cell of '{0}' says '{1}', which is neither yes nor no",
        "Write Yes or No in the Required column.");

    /// <summary>{0}: variable name.</summary>
    public static readonly DiagnosticDescriptor RequiredVariableWithoutValue = Warning(
        "AP2015",
        "Required variable has no value",
        "Variable '{0}' is required but the plan gives it no value",
        "Give '{0}' an example or default value, a value per environment, or a source such as _(from RDS)_ or a secret from the Secrets table; otherwise the generated stack has nothing to set.");

    /// <summary>{0}: which cell ("value", "prod value", "description", "format"); {1}: variable or secret name; {2}: the kind of credential.</summary>
    public static readonly DiagnosticDescriptor CredentialInPlan = Error(
        "AP2016",
        "Credential written in the plan",
        "The {0} of '{1}' looks like a real credential ({2})",
        "Do not keep credentials in the plan: remove it, rotate the credential if this file was ever committed or shared, and move it to the Secrets table (AWS Secrets Manager). Leave a placeholder such as <your-password> or ${{DB_PASSWORD}} in the example.");

    // AP2017 (unknown resource) is reported by the reader as AP1301.

    /// <summary>No arguments.</summary>
    public static readonly DiagnosticDescriptor MissingProduct = Error(
        "AP2018",
        "Plan names no product",
        "The plan does not name its product",
        "Add 'product: <slug>' to the front matter, or write apps/<product>/infra/cdk/ in the CDK Stack Structure block, or pass --product <slug>.");

    /// <summary>{0}: the product as given; {1}: a slug to suggest.</summary>
    public static readonly DiagnosticDescriptor InvalidProduct = Error(
        "AP2019",
        "Invalid product slug",
        "Product '{0}' is not a valid product slug",
        "Use lowercase letters, digits and hyphens, starting and ending with a letter or digit, for example '{1}', and not a Windows device name such as 'con' or 'nul'. The product names the folder apps/<product>/, so it must not contain '/', '\\' or '..'.");

    /// <summary>{0}: variable name.</summary>
    public static readonly DiagnosticDescriptor SecretsTableMissing = Warning(
        "AP2020",
        "Variable reads a secret but the plan has no secrets",
        "Variable '{0}' takes its value from a secret, but the plan has no Secrets table",
        "Add a 'Secrets (AWS Secrets Manager)' table under Configuration listing the secret '{0}' reads, so the generated stack can grant access to it.");

    /// <summary>{0}: variable name; {1}: secret name.</summary>
    public static readonly DiagnosticDescriptor SecretNotInPlan = Warning(
        "AP2021",
        "Variable reads a secret the plan does not list",
        "Variable '{0}' takes its value from secret '{1}', which is not in the plan's Secrets table",
        "Add '{1}' to the Secrets table, or correct the secret name in the value of '{0}'.");

    /// <summary>No arguments.</summary>
    public static readonly DiagnosticDescriptor NoConfigurationSection = Info(
        "AP2022",
        "No Configuration section",
        "The plan has no Configuration section, no environment variables and no secrets",
        "If the services need configuration, add a '## Configuration' section with an 'Environment Variables' table and a 'Secrets (AWS Secrets Manager)' table, as in the plan template.");

    /// <summary>{0}: variable name.</summary>
    public static readonly DiagnosticDescriptor LowercaseVariableName = Warning(
        "AP2023",
        "Environment variable name not upper case",
        "'{0}' is not upper case",
        "Environment variable names are upper case by convention (DB_HOST). Lambda and ECS accept '{0}', so this is a warning only: rename it unless a library expects the lower-case name (such as http_proxy).");

    /// <summary>No arguments.</summary>
    public static readonly DiagnosticDescriptor ProductNotSingleValue = Error(
        "AP2024",
        "Product is not a single value",
        "'product:' in the front matter is empty or is not a single value",
        "Write the product as one slug, for example 'product: acme-games' (not a list or a mapping).");

    /// <summary>{0}: variable name; {1}: the resource words from the value; {2}: the plan's resources.</summary>
    public static readonly DiagnosticDescriptor ValueFromUnknownResource = Warning(
        "AP2025",
        "Value from a resource the plan does not create",
        "Variable '{0}' takes its value from '{1}', which the plan does not create; the generated app reads it from CDK context key '{0}' and synth fails until it is given",
        "That is right for a resource that already exists (say so in the plan); otherwise add the resource to the AWS Resources list, or name one of the plan's resources: {2}.");

    /// <summary>{0}: variable name; {1}: a secret name to suggest.</summary>
    public static readonly DiagnosticDescriptor SecretReferenceUnresolved = Error(
        "AP2026",
        "No secret matches a variable read from Secrets Manager",
        "Variable '{0}' takes its value from Secrets Manager, but no secret in the Secrets table matches it (candidates: {2})",
        "Name the secret in the value (for example _(from secret `{1}`)_), or add the secret to the Secrets table; a secret matches by name, by JSON field, or by being the only one.");

    public static readonly DiagnosticDescriptor ValueNamesSecretAndResource = Error(
        "AP2036",
        "Value names both a secret and a resource",
        "Variable '{0}' takes its value from '{1}', which names both secret '{2}' and {3} '{4}'",
        "Write which one: _(from secret `{2}`)_ for the secret, or _(from {3} `{4}`)_ for the resource.");

    /// <summary>{0}: variable name; {1}: the scope entry; {2}: the plan's resources.</summary>
    public static readonly DiagnosticDescriptor UnknownScopeComponent = Warning(
        "AP2027",
        "Scope names no compute of the plan",
        "The scope of '{0}' names '{1}', which is no function, service or task of this plan",
        "Name one of the plan's computes ({2}) or a handler file its item mentions, or leave the scope empty to give the variable to every function and service.");

    /// <summary>{0}: secret name; {1}: field name.</summary>
    public static readonly DiagnosticDescriptor InvalidSecretField = Error(
        "AP2028",
        "Secret JSON field name contains ':'",
        "Field '{1}' of secret '{0}' contains ':'",
        "ECS reads a field of a JSON secret as '<arn>:<field>::', so a ':' in the field name breaks the reference. Rename the field, for example with '_'.");

    /// <summary>{0}: resource name; {1}: line of the first declaration.</summary>
    public static readonly DiagnosticDescriptor DuplicateResource = Error(
        "AP2029",
        "Duplicate resource name",
        "Resource '{0}' is declared again; it was first declared on line {1}",
        "Give each resource its own name: the generated construct ids and file names come from it (names differing only in case collide on Windows and macOS).");

    /// <summary>{0}: function name; {1}: memory in MB.</summary>
    public static readonly DiagnosticDescriptor LambdaMemoryOutOfRange = Error(
        "AP2030",
        "Lambda memory out of range",
        "Lambda function '{0}' asks for {1} MB of memory; Lambda allows 128 to 10240 MB",
        "Set the memory between 128 MB and 10,240 MB (10 GB). For more, run the work on Fargate.");

    /// <summary>{0}: function name; {1}: timeout in seconds.</summary>
    public static readonly DiagnosticDescriptor LambdaTimeoutOutOfRange = Error(
        "AP2031",
        "Lambda timeout out of range",
        "Lambda function '{0}' has a timeout of {1} seconds; Lambda allows 1 to 900 seconds (15 minutes)",
        "Set the timeout to at most 15 minutes. Longer work belongs in a Fargate task or a Step Functions state machine.");

    /// <summary>{0}: resource name; {1}: CPU units; {2}: memory in MB.</summary>
    public static readonly DiagnosticDescriptor FargateCpuMemoryInvalid = Error(
        "AP2032",
        "Invalid Fargate CPU and memory",
        "'{0}' asks for {1} CPU units with {2} MB of memory, which Fargate does not offer",
        "Fargate offers fixed pairs: 256 CPU with 512, 1024 or 2048 MB; 512 with 1-4 GB; 1024 with 2-8 GB; 2048 with 4-16 GB; 4096 with 8-30 GB (1 GB steps); 8192 with 16-60 GB (4 GB steps); 16384 with 32-120 GB (8 GB steps).");

    /// <summary>No arguments.</summary>
    public static readonly DiagnosticDescriptor PrivateKeyInPlan = Error(
        "AP2033",
        "Private key in the plan",
        "The plan contains a private key block",
        "Remove the key from the plan, rotate it if this file was ever committed or shared, and keep it in AWS Secrets Manager (list it in the Secrets table).");

    /// <summary>{0}: the character, as U+XXXX.</summary>
    public static readonly DiagnosticDescriptor BidiControlCharacter = Warning(
        "AP2034",
        "Invisible text-direction control",
        "The line contains {0}, an invisible text-direction control",
        "Remove it: direction controls make text display differently from what it is (Trojan Source), in the plan and in code generated from it.");

    /// <summary>{0}: the character, as U+XXXX.</summary>
    public static readonly DiagnosticDescriptor ControlCharacter = Warning(
        "AP2035",
        "Control character in the plan",
        "The line contains the control character {0}",
        "Remove it: control characters are invisible in editors, and printed raw they can change what a terminal shows.");

    public static readonly DiagnosticDescriptor NothingPlanned = Error(
        "AP2037",
        "Nothing planned",
        "The plan lists no resources, no environment variables and no secrets: there is nothing to generate or to compare",
        "Add the Infrastructure section's AWS Resources list and the Configuration section (see templates/plan-template.md).");
}
