using System.Globalization;
using System.Text.RegularExpressions;
using ArchPlan.Diagnostics;
using ArchPlan.Generation.Code;
using ArchPlan.Generation.Planning;
using ArchPlan.Model;
using static ArchPlan.Kinds.PhraseValues;

namespace ArchPlan.Kinds.Rds;

/// <summary>
/// An RDS instance or Aurora cluster in the stack's VPC (private subnets, encrypted storage, generated credentials,
/// snapshot on removal). Understands the engine (PostgreSQL, MySQL, MariaDB), its version, the instance class,
/// allocated storage, Multi-AZ, backup retention, deletion protection, IAM authentication, and for Aurora the
/// Serverless v2 capacity range and the number of readers. Computes reach it over the network, never by IAM grant.
/// </summary>
/// <remarks>Attributes: <c>Engine</c> (postgres, mysql, mariadb), <c>EngineVersion</c>, <c>InstanceClass</c>
/// (t4g.medium), <c>AllocatedStorage</c> (GB), <c>MultiAz</c>, <c>BackupRetention</c> (days), <c>DeletionProtection</c>,
/// <c>IamAuthentication</c>, <c>Capacity</c> (min:max ACU), <c>Readers</c>.</remarks>
internal sealed partial class DatabaseKind : KindModule
{
    public override IReadOnlyList<ResourceKind> Kinds { get; } = [ResourceKind.RdsInstance, ResourceKind.AuroraCluster];

    public override string Suffix => "Database";

    public override string Title => "database";

    public override string TitleOf(ResourceKind kind) => kind == ResourceKind.AuroraCluster ? "Aurora cluster" : "RDS instance";

    public override BuildPhase Phase => BuildPhase.Database;

    public override IReadOnlyList<string> KindWords { get; } =
        ["database", "db", "instance", "cluster", "primary", "writer", "encrypted", "private subnets", "private subnet", "single-az", "serverless v2", "serverless"];

    public override IReadOnlyList<Phrase> Phrases { get; } =
    [
        new("EngineVersion", VersionWords(), m => m["v"]),
        new("Engine", EngineWords(), m => m.Value.ToLowerInvariant() switch
        {
            var e when e.Contains("maria", StringComparison.Ordinal) => "mariadb",
            var e when e.Contains("mysql", StringComparison.Ordinal) => "mysql",
            _ => "postgres",
        }, Shares: true),
        new("InstanceClass", InstanceClassWords(), m => m["class"].ToLowerInvariant()),
        new("Capacity", CapacityWords(), m => $"{m["min"]}:{m["max"]}"),
        new("AllocatedStorage", StorageWords(), m => Whole(m)),
        new("MultiAz", MultiAzWords(), Flag),
        new("BackupRetention", BackupWords(), m => Days(m)),
        new("DeletionProtection", DeletionProtectionWords(), Flag),
        new("IamAuthentication", IamAuthWords(), Flag),
        new("Readers", ReaderWords(), m => m.Has("n") ? Whole(m) : "1"),
    ];

    public override void Emit(Node node, IStackContext stack)
    {
        var engine = node.Attribute("Engine")?.Value;
        if (engine is null)
        {
            stack.Report(DiagnosticCatalog.GenerationDefaultUsed, node.Resource.Location, "database engine", node.Name, "PostgreSQL",
                "Name the engine, e.g. 'RDS PostgreSQL 16' or 'Aurora MySQL'.");
            engine = "postgres";
        }
        var version = node.Attribute("EngineVersion")?.Value;
        var isCluster = node.Kind == ResourceKind.AuroraCluster;
        var props = Cs.New(isCluster ? "Rds::DatabaseClusterProps" : "Rds::DatabaseInstanceProps")
            .With("Engine", isCluster ? ClusterEngine(engine, version, stack, node) : InstanceEngine(engine, version))
            .With("Credentials", Cs.Call("Rds::Credentials.FromGeneratedSecret", Cs.String(engine == "postgres" ? "postgres" : "admin")));
        var instanceClass = node.Attribute("InstanceClass")?.Value;
        if (isCluster)
        {
            var capacity = node.Attribute("Capacity")?.Value.Split(':');
            Cs Instance(string id, bool reader) => instanceClass is not null
                ? Cs.Call("Rds::ClusterInstance.Provisioned", Cs.String(id), Cs.New("Rds::ProvisionedClusterInstanceProps")
                    .With("InstanceType", Cs.New("Ec2::InstanceType", Cs.String(instanceClass))))
                : reader
                    ? Cs.Call("Rds::ClusterInstance.ServerlessV2", Cs.String(id), Cs.New("Rds::ServerlessV2ClusterInstanceProps").With("ScaleWithWriter", Cs.Bool(true)))
                    : Cs.Call("Rds::ClusterInstance.ServerlessV2", Cs.String(id));
            props = props.With("Writer", Instance("Writer", reader: false));
            if (node.Attribute("Readers") is { } readers)
            {
                var count = (int)Math.Clamp(Long(readers.Value), 1, 15);
                props = props.With("Readers", Cs.Array("Rds::IClusterInstance",
                    Enumerable.Range(1, count).Select(i => Instance("Reader" + i.ToString(CultureInfo.InvariantCulture), reader: true))));
            }
            if (instanceClass is null)
            {
                props = props
                    .With("ServerlessV2MinCapacity", Cs.Number(capacity is null ? 0.5 : double.Parse(capacity[0], CultureInfo.InvariantCulture)))
                    .With("ServerlessV2MaxCapacity", Cs.Number(capacity is null ? 2 : double.Parse(capacity[1], CultureInfo.InvariantCulture)));
            }
            else if (node.Attribute("Capacity") is { } acu)
            {
                stack.NotGenerated(node, acu.Phrase, "a capacity range applies to Serverless v2, and the plan gives an instance class");
            }
        }
        else
        {
            props = props
                .With("InstanceType", instanceClass is null
                    ? Cs.Call("Ec2::InstanceType.Of", Cs.Name("Ec2::InstanceClass.T4G"), Cs.Name("Ec2::InstanceSize.MICRO"))
                    : Cs.New("Ec2::InstanceType", Cs.String(instanceClass)))
                .With("AllocatedStorage", Cs.Number(node.Attribute("AllocatedStorage") is { } storage ? Long(storage.Value) : 20))
                .With("MultiAz", Cs.Bool(true), when: node.Attribute("MultiAz")?.Value == "true");
            if (node.Attribute("Readers") is { } replica)
            {
                stack.NotGenerated(node, replica.Phrase, "read replicas of an RDS instance are separate resources; add DatabaseInstanceReadReplica in the stack file");
            }
            if (node.Attribute("Capacity") is { } acu)
            {
                stack.NotGenerated(node, acu.Phrase, "ACU capacity applies to Aurora Serverless v2, not to an RDS instance");
            }
        }
        if (isCluster && node.Attribute("AllocatedStorage") is { } clusterStorage)
        {
            stack.NotGenerated(node, clusterStorage.Phrase, "Aurora storage grows by itself; there is no allocated storage to set");
        }
        if (isCluster && node.Attribute("MultiAz") is { } clusterMultiAz)
        {
            stack.NotGenerated(node, clusterMultiAz.Phrase, "an Aurora cluster is Multi-AZ through its readers; state how many ('one reader')");
        }
        if (instanceClass is null && !isCluster)
        {
            stack.Note($"Database {node.Name}: no instance class in the plan; db.t4g.micro is used.");
        }
        props = props
            .With("Vpc", Cs.Name("Vpc"))
            .With("VpcSubnets", Cs.New("Ec2::SubnetSelection").With("SubnetType", Cs.Name("Ec2::SubnetType.PRIVATE_WITH_EGRESS")))
            .With("StorageEncrypted", Cs.Bool(true))
            .With(isCluster ? "Backup" : "BackupRetention", node.Attribute("BackupRetention") is { } backup
                ? isCluster
                    ? Cs.New("Rds::BackupProps").With("Retention", Cs.Duration("Days", Long(backup.Value)))
                    : Cs.Duration("Days", Long(backup.Value))
                : null, when: node.Attribute("BackupRetention") is not null)
            // Deletion protection and IAM authentication unless the plan turns them off (cdk-nag AwsSolutions-RDS10, RDS6).
            .With("DeletionProtection", Cs.Bool(node.Attribute("DeletionProtection")?.Value != "false"))
            .With("IamAuthentication", Cs.Bool(node.Attribute("IamAuthentication")?.Value != "false"))
            .With("RemovalPolicy", Cs.Name("Cdk::RemovalPolicy.SNAPSHOT"));
        var type = isCluster ? "Rds::DatabaseCluster" : "Rds::DatabaseInstance";
        stack.Add(node, node.Member, type, Cs.New(type, Cs.Name("this"), Cs.String(IStackContext.IdOf(node.Member)), props));
        stack.SecureDefault("Databases: storage encrypted, deletion protection and IAM authentication on (unless the plan turns them off), in private subnets.");
        var line = node.Resource.Location.Line;
        stack.Acknowledge(node, node.Member, "AwsSolutions-RDS11",
            $"Database {IStackContext.IdOf(node.Member)} (plan line {line}) listens on its engine's default port; only the computes the plan connects to it reach it, through its security group.", line);
        // The generated credentials are a Secrets Manager secret inside the database construct (its Secret property is the attachment).
        stack.Acknowledge(node, node.Member, "AWS::SecretsManager::Secret", "AwsSolutions-SMG4",
            $"The credentials CDK generates for database {IStackContext.IdOf(node.Member)} (plan line {line}) are not rotated: the plan names no rotation schedule. Add {node.Member}.AddRotationSingleUser() in the stack's .cs file to rotate them.", line);
        if (!isCluster && node.Attribute("MultiAz")?.Value != "true")
        {
            stack.Acknowledge(node, node.Member, "AwsSolutions-RDS3",
                $"The plan (line {line}) does not ask for a Multi-AZ standby for database {IStackContext.IdOf(node.Member)}; say 'Multi-AZ' in the plan to get one.", line);
        }
        if (node.Attribute("DeletionProtection")?.Value == "false")
        {
            stack.Acknowledge(node, node.Member, "AwsSolutions-RDS10", $"The plan (line {node.Attribute("DeletionProtection")!.Location.Line}) turns deletion protection off for database {IStackContext.IdOf(node.Member)}.", node.Attribute("DeletionProtection")!.Location.Line);
        }
        if (node.Attribute("IamAuthentication")?.Value == "false")
        {
            stack.Acknowledge(node, node.Member, "AwsSolutions-RDS6", $"The plan (line {node.Attribute("IamAuthentication")!.Location.Line}) turns IAM authentication off for database {IStackContext.IdOf(node.Member)}.", node.Attribute("IamAuthentication")!.Location.Line);
        }
    }

    private static Cs InstanceEngine(string engine, string? version)
    {
        switch (engine)
        {
            case "mysql":
                return Cs.Call("Rds::DatabaseInstanceEngine.Mysql", Cs.New("Rds::MySqlInstanceEngineProps")
                    .With("Version", version is null ? Cs.Name("Rds::MysqlEngineVersion.VER_8_0") : Cs.Call("Rds::MysqlEngineVersion.Of", Cs.String(version), Cs.String(Major(version, 2)))));
            case "mariadb":
                return Cs.Call("Rds::DatabaseInstanceEngine.MariaDb", Cs.New("Rds::MariaDbInstanceEngineProps")
                    .With("Version", Cs.Call("Rds::MariaDbEngineVersion.Of", Cs.String(version ?? "10.11"), Cs.String(Major(version ?? "10.11", 2)))));
            default:
                return Cs.Call("Rds::DatabaseInstanceEngine.Postgres", Cs.New("Rds::PostgresInstanceEngineProps")
                    .With("Version", version is null ? Cs.Name("Rds::PostgresEngineVersion.VER_16") : Cs.Call("Rds::PostgresEngineVersion.Of", Cs.String(version), Cs.String(PostgresMajor(version)))));
        }
    }

    private static Cs ClusterEngine(string engine, string? version, IStackContext stack, Node node)
    {
        if (engine == "mariadb")
        {
            stack.Report(DiagnosticCatalog.GenerationAttributeOverridden, node.Attribute("Engine")!.Location, node.Name, node.Attribute("Engine")!.Phrase,
                "Aurora has no MariaDB engine", "Aurora MySQL");
            engine = "mysql";
        }
        if (engine == "mysql")
        {
            // Aurora MySQL versions are written 3.x (or in full, 8.0.mysql_aurora.3.x).
            var aurora = version switch
            {
                null => null,
                var v when v.StartsWith("3.", StringComparison.Ordinal) => "8.0.mysql_aurora." + v,
                _ => null,
            };
            return Cs.Call("Rds::DatabaseClusterEngine.AuroraMysql", Cs.New("Rds::AuroraMysqlClusterEngineProps")
                .With("Version", aurora is null ? Cs.Name("Rds::AuroraMysqlEngineVersion.VER_3_07_1") : Cs.Call("Rds::AuroraMysqlEngineVersion.Of", Cs.String(aurora), Cs.String("8.0"))));
        }
        var full = version switch
        {
            null => null,
            "16" => "16.3",
            "15" => "15.7",
            "14" => "14.12",
            "13" => "13.15",
            var v => v,
        };
        return Cs.Call("Rds::DatabaseClusterEngine.AuroraPostgres", Cs.New("Rds::AuroraPostgresClusterEngineProps")
            .With("Version", full is null ? Cs.Name("Rds::AuroraPostgresEngineVersion.VER_16_3") : Cs.Call("Rds::AuroraPostgresEngineVersion.Of", Cs.String(full), Cs.String(PostgresMajor(full)))));
    }

    private static string Major(string version, int parts) => string.Join('.', version.Split('.').Take(parts));

    private static string PostgresMajor(string version) => version.StartsWith("9.", StringComparison.Ordinal) ? Major(version, 2) : Major(version, 1);

    public override ResourceValue? ValueFor(Node node, IReadOnlyList<string> nameStems)
    {
        var m = node.Member;
        return node.Kind == ResourceKind.AuroraCluster
            ? nameStems.Contains("port") ? new(Cs.Call("Cdk::Token.AsString", Cs.Name(m + ".ClusterEndpoint.Port")), "endpoint port")
                : nameStems.Contains("reader") || nameStems.Contains("replica") || nameStems.Contains("read") ? new(Cs.Name(m + ".ClusterReadEndpoint.Hostname"), "reader endpoint address")
                : new(Cs.Name(m + ".ClusterEndpoint.Hostname"), "endpoint address")
            : nameStems.Contains("port") ? new(Cs.Name(m + ".DbInstanceEndpointPort"), "endpoint port")
                : new(Cs.Name(m + ".DbInstanceEndpointAddress"), "endpoint address");
    }

    public override AlarmMetric? Metric(Node node, IReadOnlySet<string> words) =>
        words.Contains("connection") ? new("MetricDatabaseConnections", "database connections", node.Member)
        : words.Contains("storage") && node.Kind == ResourceKind.RdsInstance ? new("MetricFreeStorageSpace", "free storage space", node.Member)
        : new("MetricCPUUtilization", "CPU utilization", node.Member);

    [GeneratedRegex(@"\b(?:aurora\s+)?(?:postgres(?:ql)?|mysql|mariadb)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EngineWords();

    [GeneratedRegex(@"\b(?:aurora\s+)?(?:postgres(?:ql)?|pg|mysql|mariadb)\s*(?:version\s*|v)?(?<v>\d{1,2}(?:\.\d{1,2}){0,2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex VersionWords();

    [GeneratedRegex(@"\bdb\.(?<class>[a-z][a-z0-9-]*\.[a-z0-9]+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InstanceClassWords();

    [GeneratedRegex(@"(?<n>\d+)\s*(?:gb|gib)\s+(?:of\s+)?(?:gp[23]\s+|ssd\s+)?(?:allocated\s+)?(?:storage|disk)\b|\b(?:allocated\s+)?storage\s*(?:of|[:=])?\s*(?<n>\d+)\s*(?:gb|gib)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StorageWords();

    [GeneratedRegex(@"\bmulti[- ]az\b", RegexOptions.IgnoreCase)]
    private static partial Regex MultiAzWords();

    [GeneratedRegex(PhraseValues.Duration + @"\s+(?:automated\s+)?(?:backups?|backup\s+retention|snapshots?)\b|\b(?:automated\s+)?backups?\s+(?:retention\s+)?(?:of|for|kept\s+(?:for\s+)?|retained\s+(?:for\s+)?|[:=])?\s*" + PhraseValues.Duration, RegexOptions.IgnoreCase)]
    private static partial Regex BackupWords();

    [GeneratedRegex(@"\bdeletion\s+protection\b", RegexOptions.IgnoreCase)]
    private static partial Regex DeletionProtectionWords();

    [GeneratedRegex(@"\biam\s+(?:database\s+)?auth(?:entication)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex IamAuthWords();

    [GeneratedRegex(@"(?<min>\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(?<max>\d+(?:\.\d+)?)\s*acus?\b", RegexOptions.IgnoreCase)]
    private static partial Regex CapacityWords();

    [GeneratedRegex(PhraseValues.Count + @"\s+(?:read\s+)?(?:replicas?|readers?|reader\s+instances?)\b|\b(?:a|with\s+a|plus\s+a)\s+(?:read\s+replica|reader(?:\s+instance)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReaderWords();
}
