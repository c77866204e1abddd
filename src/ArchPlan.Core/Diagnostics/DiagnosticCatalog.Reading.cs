namespace ArchPlan.Diagnostics;

public static partial class DiagnosticCatalog
{
    // AP9xxx: the input file itself.
    public static readonly DiagnosticDescriptor FileNotFound = Error(
        "AP9001", "File not found", "cannot read '{0}': {1}",
        "Check the path; pass the plan's Markdown file or a folder of plans.");

    public static readonly DiagnosticDescriptor FileTooLarge = Error(
        "AP9002", "Plan too large", "the plan is {0:N0} bytes, over ArchPlan's limit of {1:N0} bytes",
        "Architecture plans are a few kilobytes; split the document or remove pasted data (the cap keeps a run fast and safe).");

    public static readonly DiagnosticDescriptor BinaryFile = Error(
        "AP9003", "Not a text file", "the file contains NUL bytes (first at byte {0}); it is not a Markdown plan",
        "Pass the plan's .md file; binary files cannot be read.");

    public static readonly DiagnosticDescriptor NotUtf8 = Error(
        "AP9004", "Not UTF-8", "the file is not valid UTF-8 (first bad byte at offset {0}, line {1})",
        "Save the plan as UTF-8 (most editors: 'Save with encoding' → UTF-8).");

    public static readonly DiagnosticDescriptor EmptyFile = Error(
        "AP9005", "Empty plan", "the plan is empty",
        "Start from the template: templates/plan-template.md.");

    // AP10xx: Markdown and front matter.
    public static readonly DiagnosticDescriptor MarkdownTooDeep = Error(
        "AP1001", "Markdown too deeply nested", "the Markdown parser gave up: {0}",
        "Remove the deeply nested lists, quotes or repeated delimiters near the end of the pasted content, or split a table of many thousand rows into several.");

    public static readonly DiagnosticDescriptor ByteOrderMark = Warning(
        "AP1002", "Byte order mark before front matter", "the file starts with a UTF-8 byte order mark; many Markdown tools then do not see the front matter",
        "Save the file as UTF-8 without BOM. ArchPlan reads it anyway and keeps the BOM when it rewrites tables.");

    public static readonly DiagnosticDescriptor MissingFrontMatter = Error(
        "AP1003", "No front matter", "the plan has no YAML front matter (a '---' block on the first line)",
        "Add the template's front matter at the very top: '---', title, date, status, author, '---'.");

    public static readonly DiagnosticDescriptor InvalidYaml = Error(
        "AP1004", "Invalid front matter", "the front matter is not valid YAML: {0}",
        "Fix the YAML; quote values that contain ':' or start with '[', '{{', '*', '&' or '!'.");

    public static readonly DiagnosticDescriptor DuplicateFrontMatterKey = Error(
        "AP1005", "Duplicate front-matter key", "front-matter key '{0}' is given twice (first on line {1}); YAML tools silently keep the last",
        "Keep one '{0}:' line.");

    public static readonly DiagnosticDescriptor FrontMatterNotMapping = Error(
        "AP1006", "Front matter is not a mapping", "the front matter must be 'key: value' lines",
        "Write the front matter as in the template: one 'key: value' per line.");

    public static readonly DiagnosticDescriptor FrontMatterAlias = Error(
        "AP1007", "YAML alias in front matter", "the front matter uses YAML anchors or aliases, which ArchPlan does not expand",
        "Write each value out in full.");

    public static readonly DiagnosticDescriptor UnclosedFrontMatter = Error(
        "AP1008", "Unclosed front matter", "the front matter starting on line 1 is never closed with '---'",
        "Add a '---' line after the last front-matter key.");

    public static readonly DiagnosticDescriptor LineTooLong = Warning(
        "AP1009", "Line too long", "line is {0:N0} characters long; lines over {1:N0} characters are ignored",
        "Break the line up; no plan content needs a line this long (it is usually pasted data).");

    public static readonly DiagnosticDescriptor TooManyLinkDefinitions = Warning(
        "AP1010", "Too many link reference definitions", "the plan has {0:N0} link reference definitions; over {1:N0}, ArchPlan ignores them",
        "Use inline links instead of thousands of '[ref]: url' lines.");

    // AP11xx: sections.
    public static readonly DiagnosticDescriptor MissingSection = Warning(
        "AP1101", "Missing section", "the plan has no '{0}' section",
        "{1}");

    public static readonly DiagnosticDescriptor DuplicateSection = Warning(
        "AP1102", "Duplicate section", "'{0}' appears twice (first on line {1}); both are read",
        "Merge the two sections into one.");

    // AP12xx: tables.
    public static readonly DiagnosticDescriptor MissingNameColumn = Warning(
        "AP1201", "Table without a name column", "the table under '{0}' has no name column (looked for {1}); it is not read",
        "Name the first column 'Variable' (environment variables) or 'Secret Name' (secrets).");

    public static readonly DiagnosticDescriptor RowCellCount = Warning(
        "AP1202", "Row with wrong number of cells", "the row has {0} cells but the header has {1}",
        "Give every row one cell per column; escape a '|' inside a cell as '\\|'.");

    public static readonly DiagnosticDescriptor EmptyName = Warning(
        "AP1203", "Row without a name", "the row has no name in its '{0}' column; it is skipped",
        "Fill in the name, or delete the row.");

    public static readonly DiagnosticDescriptor UnknownEnvironmentColumn = Info(
        "AP1204", "Column not understood", "column '{0}' is not one ArchPlan knows; its values are ignored",
        "Known columns: Variable/Name/Key, Description/Purpose, Example/Default/Value, Required/Mandatory, Type, Used by/Component/Handler, Environment/Stage, or one column per environment (dev, staging, prod).");

    public static readonly DiagnosticDescriptor BrokenTable = Warning(
        "AP1205", "Table not recognised", "these '|' lines are not a table: the line of dashes under the header is missing or malformed",
        "Add a separator line under the header, e.g. '| --- | --- |', with one cell per column.");

    public static readonly DiagnosticDescriptor MisspeltColumn = Warning(
        "AP1206", "Column header misspelt", "column '{0}' is not one ArchPlan knows; did you mean '{1}'? It is read as '{1}'",
        "Rename the header to '{1}'.");

    public static readonly DiagnosticDescriptor AmbiguousValue = Error(
        "AP1207", "Value cell mixes a value with words", "the '{0}' cell of {1} mixes a value with words that do not say which environment it is for; no value is read",
        "Give one value, or one per environment: `debug` (dev), `info` (prod). Put remarks in the description.");

    public static readonly DiagnosticDescriptor ConfigurationTableNotRead = Warning(
        "AP1208", "Table looks like configuration but is not read", "this table looks like configuration ({0}) but is not read: {1}",
        "Name the column of variable names 'Variable' (or 'Env Var'), or of secret names 'Secret Name'; spell the other headers as in the template.");

    // AP13xx: resources.
    public static readonly DiagnosticDescriptor UnknownResource = Warning(
        "AP1301", "Unknown resource", "'{0}' is not a resource ArchPlan recognises; it is not generated or compared",
        "Name the AWS service in the item, e.g. 'Lambda function', 'S3 bucket', 'DynamoDB table', 'SQS queue', 'SNS topic', 'EventBridge rule', 'API Gateway HTTP API', 'CloudWatch alarm', 'RDS PostgreSQL', 'Aurora', 'Step Functions state machine', 'ECS Fargate service/task'.");

    public static readonly DiagnosticDescriptor UnparsedSchedule = Error(
        "AP1302", "Schedule not understood", "'{0}' reads like a schedule but ArchPlan cannot turn it into cron or rate; a rule that never fires would be generated",
        "Write 'every 5 minutes', 'daily at 10:00 UTC', 'cron(0 10 * * ? *)' or 'rate(1 hour)'.");

    public static readonly DiagnosticDescriptor NoResourcesListed = Warning(
        "AP1303", "No resources listed", "the AWS Resources section lists no resources",
        "List each resource as a bullet, e.g. '- **Lambda Function** `snapshot` — Python 3.12, 512 MB'.");

    public static readonly DiagnosticDescriptor DuplicateResourceName = Error(
        "AP1304", "Two resources with one name", "resource name '{0}' is used twice (first on line {1}); references to it cannot tell them apart (the second is read as '{2}')",
        "Give each resource its own name.");

    // AP14xx: product.
    public static readonly DiagnosticDescriptor ProductOptionIgnored = Warning(
        "AP1401", "--product ignored", "the plan names product '{0}', so --product '{1}' is ignored",
        "Change the plan's product (front matter 'product:' or the CDK Stack Structure path), or drop --product.");
}
