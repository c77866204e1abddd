using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Model;
using CsCheck;

namespace ArchPlan.Tests.Generation;

/// <summary>Plans built by hand for the generator tests (independent of the plan reader).</summary>
internal static class SamplePlans
{
    public const string GamehubFile = "docs/plans/gamehub-leaderboard.md";

    private static int _line;

    private static SourceLocation At(string file, int line) => new(file, line, 1);

    /// <summary>
    /// A realistic plan: two functions, a Fargate service and task, bucket, table, queue with DLQ, topic, two rules,
    /// HTTP and REST APIs, an alarm, RDS, a state machine, two secrets, and variables of every value kind.
    /// </summary>
    public static Plan Gamehub()
    {
        const string f = GamehubFile;
        _line = 100;
        PlannedResource R(ResourceKind kind, string name, string text, Func<PlannedResource, PlannedResource>? more = null)
        {
            var resource = new PlannedResource { Kind = kind, Name = name, Text = text, Location = At(f, _line++) };
            return more is null ? resource : more(resource);
        }
        EnvVariable V(string name, ValueSpec value, Requirement required = Requirement.Optional, string[]? scope = null,
            (string Env, string Value)[]? perEnv = null, string description = "")
        {
            var line = _line++;
            return new EnvVariable
            {
                Name = name,
                Description = description,
                Value = value,
                Required = required,
                RequiredText = required == Requirement.Required ? "Yes" : "No",
                Scope = (scope ?? []).ToEquatableArray(),
                PerEnvironment = (perEnv ?? []).Select(p => new EnvironmentValue(p.Env, ValueSpec.Literal(p.Value), At(f, line))).ToEquatableArray(),
                Location = At(f, line),
                ValueLocation = new SourceLocation(f, line, 20),
            };
        }

        var resources = new[]
        {
            R(ResourceKind.LambdaFunction, "leaderboard-snapshot", "Lambda function `leaderboard-snapshot` (Python 3.12, 512 MB, 60 s timeout, DLQ)",
                r => r with { Runtime = "python3.12", MemoryMb = 512, TimeoutSeconds = 60, DeadLetterQueue = true }),
            R(ResourceKind.LambdaFunction, "score-api", "Lambda function `score-api` (Node.js 20)",
                r => r with { Runtime = "nodejs20.x", MemoryMb = 256, TimeoutSeconds = 10 }),
            R(ResourceKind.FargateService, "matchmaker", "Fargate service `matchmaker` (0.5 vCPU, 1 GB) from ECR repository `gamehub/matchmaker`",
                r => r with { Cpu = 512, MemoryMb = 1024, Image = "gamehub/matchmaker:1.4" }),
            R(ResourceKind.FargateTask, "nightly-report", "Fargate task `nightly-report`", r => r with { Cpu = 256, MemoryMb = 512 }),
            R(ResourceKind.S3Bucket, "leaderboard-snapshots", "S3 bucket `leaderboard-snapshots`"),
            R(ResourceKind.DynamoDbTable, "payments", "DynamoDB table `payments`"),
            R(ResourceKind.SqsQueue, "score-events", "SQS queue `score-events` with a dead-letter queue",
                r => r with { DeadLetterQueue = true, Links = new[] { new ResourceLink(LinkKind.Triggers, "score-api") }.ToEquatableArray() }),
            R(ResourceKind.SnsTopic, "ops-alerts", "SNS topic `ops-alerts`"),
            R(ResourceKind.EventBridgeRule, "nightly-schedule", "EventBridge rule `nightly-schedule` (daily at 10:00 UTC) starting `nightly-report`",
                r => r with { Schedule = new Schedule("cron(0 10 * * ? *)", "daily at 10:00 UTC"), Links = new[] { new ResourceLink(LinkKind.Starts, "nightly-report") }.ToEquatableArray() }),
            R(ResourceKind.EventBridgeRule, "snapshot-schedule", "EventBridge rule `snapshot-schedule` (hourly) triggering `leaderboard-snapshot`",
                r => r with { Schedule = new Schedule("rate(1 hour)", "hourly"), Links = new[] { new ResourceLink(LinkKind.Triggers, "leaderboard-snapshot") }.ToEquatableArray() }),
            R(ResourceKind.HttpApi, "public-api", "HTTP API `public-api` in front of `score-api`",
                r => r with { Links = new[] { new ResourceLink(LinkKind.Fronts, "score-api") }.ToEquatableArray() }),
            R(ResourceKind.RestApi, "admin-api", "REST API `admin-api` in front of `score-api`",
                r => r with { Links = new[] { new ResourceLink(LinkKind.Fronts, "score-api") }.ToEquatableArray() }),
            R(ResourceKind.CloudWatchAlarm, "snapshot-errors", "CloudWatch alarm `snapshot-errors` on snapshot failures, notifying `ops-alerts`",
                r => r with { Links = new[] { new ResourceLink(LinkKind.Uses, "leaderboard-snapshot"), new ResourceLink(LinkKind.Notifies, "ops-alerts") }.ToEquatableArray() }),
            R(ResourceKind.RdsInstance, "gamehub-db", "RDS PostgreSQL 16 instance `gamehub-db`"),
            R(ResourceKind.StateMachine, "season-rollover", "Step Functions state machine `season-rollover`"),
            R(ResourceKind.EcrRepository, "gamehub/matchmaker", "ECR repository `gamehub/matchmaker`"),
            R(ResourceKind.Vpc, "main", "VPC with two AZs"),
            R(ResourceKind.Unknown, "cdn", "CloudFront distribution `cdn`"),
        };

        _line = 200;
        var variables = new[]
        {
            V("LOG_LEVEL", ValueSpec.Literal("info"), perEnv: [("dev", "debug"), ("prod", "warn")], description: "Log verbosity"),
            V("SNAPSHOT_BUCKET", ValueSpec.Literal("gamehub-snapshots-dev"), Requirement.Required, ["snapshot.py"], description: "Where snapshots go"),
            V("PAYMENTS_TABLE", ValueSpec.Literal("payments-dev"), Requirement.Required, ["matchmaker"]),
            V("SCORES_QUEUE_URL", new ValueSpec(ValueKind.FromResource, "_(from SQS queue)_", Resource: "SQS queue"), Requirement.Required, ["score-api"]),
            V("ALERTS_TOPIC_ARN", new ValueSpec(ValueKind.FromResource, "_(from SNS)_", Resource: "SNS"), Requirement.Required, ["leaderboard-snapshot", "nightly-report"]),
            V("DB_HOST", new ValueSpec(ValueKind.FromResource, "_(from RDS)_", Resource: "RDS"), Requirement.Required, ["matchmaker", "snapshot.py"]),
            V("DB_PASSWORD", new ValueSpec(ValueKind.FromSecret, "_(from secret)_", Secret: "gamehub/db/credentials", SecretField: "password"), Requirement.Required, ["matchmaker", "leaderboard-snapshot"]),
            V("DB_USER", new ValueSpec(ValueKind.FromSecret, "_(from secret)_", Secret: "gamehub/db/credentials", SecretField: "username"), Requirement.Required, ["matchmaker"]),
            V("STRIPE_API_KEY", new ValueSpec(ValueKind.FromSecret, "_(from secret)_", Secret: "gamehub/stripe-api-key"), Requirement.Required, ["score-api"]),
            V("API_TOKEN", ValueSpec.None, Requirement.Required, ["score-api"], [("dev", "dev-token"), ("prod", "prod-token")]),
            V("MAX_PLAYERS", ValueSpec.Literal("64"), Requirement.Required, ["ECS"]),
            V("SEASON_STATE_MACHINE_ARN", ValueSpec.None, Requirement.Optional, ["matchmaker"]),
            V("REPORT_RECIPIENTS", ValueSpec.None, Requirement.Optional, ["nightly-report"]),
            V("TZ", ValueSpec.Literal("UTC"), Requirement.Optional, ["leaderboard-snapshot"]),
            V("REGION_HINT", ValueSpec.Literal("eu-west-1"), Requirement.Optional, ["billing-worker"]),
            V("REPORT_DB_PASSWORD", new ValueSpec(ValueKind.FromResource, "_(from RDS)_", Resource: "RDS"), Requirement.Required, ["nightly-report"]),
        };

        var secrets = new[]
        {
            new PlannedSecret { Name = "gamehub/db/credentials", Description = "Database credentials", Format = "JSON: {username, password, host, port}",
                JsonFields = new[] { "username", "password", "host", "port" }.ToEquatableArray(), Location = At(f, 300) },
            new PlannedSecret { Name = "gamehub/stripe-api-key", Description = "Stripe key", Format = "string", Location = At(f, 301) },
        };

        return new Plan
        {
            FilePath = f,
            FrontMatter = new FrontMatter
            {
                IsPresent = true,
                Location = At(f, 1),
                Fields = new[] { new FrontMatterField("title", "Gamehub leaderboard snapshots", At(f, 2)), new FrontMatterField("product", "gamehub", At(f, 3)) }.ToEquatableArray(),
            },
            Product = "gamehub",
            ProductOrigin = ProductOrigin.FrontMatter,
            ProductLocation = At(f, 3),
            StackFileName = "gamehub-leaderboard-snapshot-stack.ts",
            Resources = resources.ToEquatableArray(),
            Variables = variables.ToEquatableArray(),
            Secrets = secrets.ToEquatableArray(),
            Environments = new[] { "dev", "staging", "prod" }.ToEquatableArray(),
        };
    }

    /// <summary>The strings a hostile plan carries into names, values and comments.</summary>
    public const string HostileValue = "quote\" back\\slash \u2028 ls \u2029 ps \u0085 nel */ /* {{ liquid }} {% raw %} {0} ${OTHER} \u202E rtl \t tab";

    /// <summary>A plan whose names and values try to break out of literals, comments, identifiers and templates.</summary>
    public static Plan Hostile()
    {
        const string f = "docs/plans/hostile */ {{ x }}.md";
        var line = 10;
        SourceLocation Next() => At(f, line++);
        EnvVariable V(string name, ValueSpec value, string[]? scope = null) => new()
        {
            Name = name,
            Value = value,
            Required = Requirement.Optional,
            Scope = (scope ?? []).ToEquatableArray(),
            Location = Next(),
        };

        var resources = new[]
        {
            new PlannedResource { Kind = ResourceKind.LambdaFunction, Name = "db-host", Text = "Lambda `db-host` */ {{ x }}", Location = Next(), Runtime = "python3.12" },
            new PlannedResource { Kind = ResourceKind.LambdaFunction, Name = "DbHost", Text = "Lambda `DbHost`", Location = Next(), Runtime = "nodejs20.x" },
            new PlannedResource { Kind = ResourceKind.LambdaFunction, Name = "1st", Text = "Lambda `1st` \u2028 public static void Evil() {}", Location = Next() },
            new PlannedResource { Kind = ResourceKind.S3Bucket, Name = "evil */ name\u2028class X {}", Text = "S3 bucket", Location = Next() },
            new PlannedResource { Kind = ResourceKind.DynamoDbTable, Name = "{{ app.namespace }}", Text = "table {% if %}", Location = Next() },
            new PlannedResource { Kind = ResourceKind.SqsQueue, Name = "class", Text = "queue `class`", Location = Next() },
        };
        var variables = new[]
        {
            V("DB_HOST", ValueSpec.Literal(HostileValue), ["db-host"]),
            V("DbHost", ValueSpec.Literal("second"), ["db-host"]),
            V("db-host", ValueSpec.Literal("third"), ["DbHost"]),
            V("class", ValueSpec.Literal("{{ app.product }}"), ["1st"]),
            V("STATIC", ValueSpec.Literal("{% for x in (1..3) %}x{% endfor %}"), ["1st"]),
            V("PROD_DB", new ValueSpec(ValueKind.FromSecret, Secret: "prod/db"), ["1st"]),
            V("PROD__DB", new ValueSpec(ValueKind.FromSecret, Secret: "prod--db"), ["1st"]),
        };
        var secrets = new[]
        {
            new PlannedSecret { Name = "prod/db", Location = Next() },
            new PlannedSecret { Name = "prod--db", Location = Next() },
        };
        return new Plan
        {
            FilePath = f,
            FrontMatter = new FrontMatter
            {
                IsPresent = true,
                Location = At(f, 1),
                Fields = new[] { new FrontMatterField("title", "Hostile */ plan \u2028 {{ x }} | pipe", At(f, 2)) }.ToEquatableArray(),
            },
            Product = "hostile",
            ProductOrigin = ProductOrigin.FrontMatter,
            StackFileName = "hostile-stack.ts",
            Resources = resources.ToEquatableArray(),
            Variables = variables.ToEquatableArray(),
            Secrets = secrets.ToEquatableArray(),
        };
    }

    /// <summary>The seed of <see cref="PropertyValues"/>: fixed, so the app built from them is the same on every run.</summary>
    public const string PropertySeed = "0000lWdbprq1";

    /// <summary>
    /// Thirty values drawn, with <see cref="PropertySeed"/>, from the hostile strings of the property test
    /// (<see cref="ArchPlan.Tests.Hostile.HostileText.Value"/>: quotes, backslashes, <c>*/</c>, Liquid delimiters, control characters,
    /// U+2028, bidi controls, emoji, long lines), plus all fragments that can be encoded in UTF-8 in one value and a
    /// 6,400-character line. Values
    /// with a lone surrogate are left out: no UTF-8 file (cdk.json, the template) can carry one.
    /// </summary>
    public static IReadOnlyList<string> PropertyValues { get; } = CreatePropertyValues();

    private static List<string> CreatePropertyValues()
    {
        static bool Encodable(string value)
        {
            for (var i = 0; i < value.Length; i++)
            {
                if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(value[i]))
                {
                    return false;
                }
            }
            return true;
        }
        var drawn = Check.Single(ArchPlan.Tests.Hostile.HostileText.Value.Array[60], _ => true, PropertySeed);
        var values = drawn.Where(Encodable).Distinct(StringComparer.Ordinal).Take(30).ToList();
        values.Add(string.Concat(ArchPlan.Tests.Hostile.HostileText.Fragments.Where(Encodable)));
        values.Add(string.Concat(Enumerable.Repeat("\"\\*/{{ }}{% %}\u2028\u202Eé🙂 ", 400))); // a very long line

        return values;
    }

    /// <summary>
    /// A Lambda function and a Fargate service that both get <see cref="PropertyValues"/> as literal variables
    /// V01, V02, ... (descriptions hostile too), for the end-to-end check that they reach the template byte-exact.
    /// </summary>
    public static Plan PropertySample()
    {
        const string f = "docs/plans/property-sample.md";
        var line = 10;
        SourceLocation Next() => At(f, line++);
        var values = PropertyValues;
        return new Plan
        {
            FilePath = f,
            FrontMatter = new FrontMatter
            {
                IsPresent = true,
                Location = At(f, 1),
                Fields = new[] { new FrontMatterField("title", "Property sample " + values[0], At(f, 2)) }.ToEquatableArray(),
            },
            Product = "property-sample",
            ProductOrigin = ProductOrigin.FrontMatter,
            Resources = new[]
            {
                new PlannedResource { Kind = ResourceKind.LambdaFunction, Name = "sample-function", Text = "Lambda " + values[1], Location = Next(), Runtime = "python3.12" },
                new PlannedResource
                {
                    Kind = ResourceKind.FargateService, Name = "sample-service", Text = "Fargate " + values[2], Location = Next(),
                    Cpu = 256, MemoryMb = 512, Image = "public.ecr.aws/docker/library/busybox:latest",
                },
            }.ToEquatableArray(),
            Variables = values.Select((value, i) => new EnvVariable
            {
                Name = $"V{i + 1:D2}",
                Description = values[(i + 1) % values.Count],
                Value = ValueSpec.Literal(value),
                Required = Requirement.Required,
                Location = Next(),
            }).ToEquatableArray(),
        };
    }
}
