using System.Text.Json.Nodes;

namespace ArchPlan.Tests.Generation;

/// <summary>
/// Issue 10: what a plan states about its resources reaches the CloudFormation, read from a plan written the way people
/// write them (TestFiles/generate/invoicing-plan.md: key types in parentheses, "Python 3.12 / 512 MB / 10 s", "after 5
/// receives", "every weekday at 06:30 UTC", a Mermaid diagram and a numbered flow), generated, built and synthesized with
/// the real CDK once per run.
/// </summary>
[Collection(CdkAppsCollection.Name)]
public sealed class StatedAttributesSynthTests(CdkAppFixture apps)
{
    private JsonObject Template => apps.InvoicingDefault.Template ?? throw new InvalidOperationException(apps.InvoicingDefault.Run.ToString());

    private JsonObject Properties(string type, string constructId) => apps.InvoicingDefault.Resource(type, constructId)["Properties"]!.AsObject();

    private static string Json(JsonNode? node) => SynthResult.Json(node);

    [Fact]
    public void The_app_builds_and_synthesizes()
    {
        Assert.True(apps.Invoicing.Build.ExitCode == 0, apps.Invoicing.Build.ToString());
        Assert.True(apps.InvoicingDefault.Run.ExitCode == 0, apps.InvoicingDefault.Run.ToString());
        Assert.NotNull(Template["Resources"]);
    }

    [Fact]
    public void DynamoDB_keys_types_billing_pitr_ttl_stream_and_index_are_the_plans()
    {
        var table = Properties("AWS::DynamoDB::Table", "InvoicesTable");
        Assert.Equal("""[{"AttributeName":"invoiceId","KeyType":"HASH"},{"AttributeName":"issuedAt","KeyType":"RANGE"}]""", Json(table["KeySchema"]));
        Assert.Contains("""{"AttributeName":"issuedAt","AttributeType":"N"}""", Json(table["AttributeDefinitions"]), StringComparison.Ordinal);
        Assert.Equal("PAY_PER_REQUEST", table["BillingMode"]!.GetValue<string>());
        Assert.Equal("""{"PointInTimeRecoveryEnabled":true}""", Json(table["PointInTimeRecoverySpecification"]));
        Assert.Equal("""{"AttributeName":"expiresAt","Enabled":true}""", Json(table["TimeToLiveSpecification"]));
        Assert.Equal("""{"StreamViewType":"NEW_IMAGE"}""", Json(table["StreamSpecification"]));
        Assert.Equal("byCustomer", table["GlobalSecondaryIndexes"]![0]!["IndexName"]!.GetValue<string>());
        Assert.Equal("""[{"AttributeName":"customerId","KeyType":"HASH"}]""", Json(table["GlobalSecondaryIndexes"]![0]!["KeySchema"]));
    }

    [Fact]
    public void SQS_fifo_deduplication_visibility_retention_and_max_receives_are_the_plans()
    {
        var queue = Properties("AWS::SQS::Queue", "PaymentEventsQueue");
        Assert.True(queue["FifoQueue"]!.GetValue<bool>());
        Assert.True(queue["ContentBasedDeduplication"]!.GetValue<bool>());
        Assert.Equal(120, queue["VisibilityTimeout"]!.GetValue<int>());
        Assert.Equal(4 * 86400, queue["MessageRetentionPeriod"]!.GetValue<int>());
        Assert.Equal(5, queue["RedrivePolicy"]!["maxReceiveCount"]!.GetValue<int>());
        // The dead-letter queue of a FIFO queue is FIFO too (SQS refuses anything else).
        Assert.True(Properties("AWS::SQS::Queue", "PaymentEventsDeadLetterQueue")["FifoQueue"]!.GetValue<bool>());
    }

    [Fact]
    public void S3_versioning_lifecycle_and_kms_are_the_plans()
    {
        var bucket = Properties("AWS::S3::Bucket", "OrderUploadsBucket");
        Assert.Equal("""{"Status":"Enabled"}""", Json(bucket["VersioningConfiguration"]));
        var rule = bucket["LifecycleConfiguration"]!["Rules"]![0]!;
        Assert.Equal("""[{"StorageClass":"GLACIER","TransitionInDays":90}]""", Json(rule["Transitions"]));
        Assert.Equal("""{"NoncurrentDays":30}""", Json(rule["NoncurrentVersionExpiration"]));
        Assert.Equal("aws:kms", bucket["BucketEncryption"]!["ServerSideEncryptionConfiguration"]![0]!["ServerSideEncryptionByDefault"]!["SSEAlgorithm"]!.GetValue<string>());
    }

    [Fact]
    public void Lambda_runtime_memory_timeout_architecture_concurrency_tracing_and_log_retention_are_the_plans()
    {
        var webhook = Properties("AWS::Lambda::Function", "WebhookHandlerFunction");
        Assert.Equal("nodejs20.x", webhook["Runtime"]!.GetValue<string>());
        Assert.Equal((256, 15), (webhook["MemorySize"]!.GetValue<int>(), webhook["Timeout"]!.GetValue<int>()));
        Assert.Equal("""["arm64"]""", Json(webhook["Architectures"]));

        // "Python 3.12 / 512 MB / 10 s, reserved concurrency 20, logs kept for 14 days"
        var get = Properties("AWS::Lambda::Function", "GetInvoiceFunction");
        Assert.Equal(("python3.12", 512, 10, 20), (get["Runtime"]!.GetValue<string>(), get["MemorySize"]!.GetValue<int>(), get["Timeout"]!.GetValue<int>(),
            get["ReservedConcurrentExecutions"]!.GetValue<int>()));
        // The function's own log group (no log-retention custom resource: the function has a log group of its own).
        Assert.Equal(14, Properties("AWS::Logs::LogGroup", "GetInvoiceFunctionLogs")["RetentionInDays"]!.GetValue<int>());
        Assert.Empty(apps.InvoicingDefault.OfType("Custom::LogRetention"));

        var create = Properties("AWS::Lambda::Function", "CreateInvoiceFunction");
        Assert.Equal((1024, 30), (create["MemorySize"]!.GetValue<int>(), create["Timeout"]!.GetValue<int>()));
        Assert.Equal("""{"Mode":"Active"}""", Json(create["TracingConfig"]));
    }

    [Fact]
    public void Fargate_size_count_port_and_image_are_the_plans()
    {
        var task = Properties("AWS::ECS::TaskDefinition", "LedgerWorkerTaskDefinition");
        Assert.Equal(("512", "1024"), (task["Cpu"]!.GetValue<string>(), task["Memory"]!.GetValue<string>()));
        var container = task["ContainerDefinitions"]![0]!;
        Assert.Equal("""[{"ContainerPort":8080,"Protocol":"tcp"}]""", Json(container["PortMappings"]));
        Assert.Contains("/invoicing/ledger:2.3", Json(container["Image"]), StringComparison.Ordinal);
        Assert.Equal(2, Properties("AWS::ECS::Service", "LedgerWorkerService")["DesiredCount"]!.GetValue<int>());
    }

    [Fact]
    public void RDS_engine_version_class_storage_multi_az_and_backups_are_the_plans()
    {
        var db = Properties("AWS::RDS::DBInstance", "BillingDbDatabase");
        Assert.Equal(("postgres", "15.4", "db.t4g.small", "50"), (db["Engine"]!.GetValue<string>(), db["EngineVersion"]!.GetValue<string>(),
            db["DBInstanceClass"]!.GetValue<string>(), db["AllocatedStorage"]!.GetValue<string>()));
        Assert.True(db["MultiAZ"]!.GetValue<bool>());
        Assert.Equal(7, db["BackupRetentionPeriod"]!.GetValue<int>());
    }

    [Fact]
    public void Routes_each_reach_the_function_that_serves_them()
    {
        var routes = apps.InvoicingDefault.OfType("AWS::ApiGatewayV2::Route").Select(r => r.Resource["Properties"]!["RouteKey"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["GET /invoices/{id}", "POST /invoices"], routes);
        var integrations = apps.InvoicingDefault.OfType("AWS::ApiGatewayV2::Integration").Select(i => Json(i.Resource["Properties"]!["IntegrationUri"])).ToList();
        Assert.Contains(integrations, uri => uri.Contains(apps.InvoicingDefault.LogicalId("AWS::Lambda::Function", "GetInvoiceFunction"), StringComparison.Ordinal));
        Assert.Contains(integrations, uri => uri.Contains(apps.InvoicingDefault.LogicalId("AWS::Lambda::Function", "CreateInvoiceFunction"), StringComparison.Ordinal));

        // "REST API `provider-webhooks` — public POST /webhooks endpoint", fronting webhook-handler in the diagram.
        var methods = apps.InvoicingDefault.OfType("AWS::ApiGateway::Method").Select(m => m.Resource["Properties"]!).ToList();
        var post = Assert.Single(methods, m => m["HttpMethod"]!.GetValue<string>() == "POST");
        Assert.Contains(apps.InvoicingDefault.LogicalId("AWS::Lambda::Function", "WebhookHandlerFunction"), Json(post["Integration"]), StringComparison.Ordinal);
        Assert.Equal("webhooks", apps.InvoicingDefault.OfType("AWS::ApiGateway::Resource").Single().Resource["Properties"]!["PathPart"]!.GetValue<string>());
    }

    [Fact]
    public void The_workflow_runs_the_named_functions_in_order_with_invoke_rights()
    {
        var machine = Properties("AWS::StepFunctions::StateMachine", "InvoiceWorkflowStateMachine");
        Assert.Equal("EXPRESS", machine["StateMachineType"]!.GetValue<string>());
        // The definition is an Fn::Join of text and references; its text parts read as the JSON the workflow has.
        var definition = string.Concat(machine["DefinitionString"]!["Fn::Join"]![1]!.AsArray()
            .Select(p => p is JsonValue v ? v.GetValue<string>() : Json(p)));
        var validate = apps.InvoicingDefault.LogicalId("AWS::Lambda::Function", "ValidateOrderFunction");
        var charge = apps.InvoicingDefault.LogicalId("AWS::Lambda::Function", "ChargeCustomerFunction");
        Assert.True(definition.IndexOf(validate, StringComparison.Ordinal) is > 0 and var v && definition.IndexOf(charge, StringComparison.Ordinal) > v,
            "validate-order runs before charge-customer: " + definition);
        Assert.Contains("\"TimeoutSeconds\":300", definition, StringComparison.Ordinal);
        var policies = Json(new JsonArray([.. apps.InvoicingDefault.OfType("AWS::IAM::Policy").Select(p => p.Resource.DeepClone())]));
        Assert.Contains("lambda:InvokeFunction", policies, StringComparison.Ordinal);
    }

    [Fact]
    public void The_weekday_schedule_starts_the_task_it_names()
    {
        var rule = Properties("AWS::Events::Rule", "StatementRunRule");
        Assert.Equal("cron(30 6 ? * MON-FRI *)", rule["ScheduleExpression"]!.GetValue<string>());
        Assert.Contains(apps.InvoicingDefault.LogicalId("AWS::ECS::TaskDefinition", "MonthlyStatementsTaskDefinition"), Json(rule["Targets"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Alarms_have_the_stated_threshold_period_and_evaluation_periods()
    {
        var alarm = Properties("AWS::CloudWatch::Alarm", "ChargeErrorsAlarm");
        Assert.Equal(("Errors", 5.0, "GreaterThanThreshold", 300, 2), (alarm["MetricName"]!.GetValue<string>(), alarm["Threshold"]!.GetValue<double>(),
            alarm["ComparisonOperator"]!.GetValue<string>(), alarm["Period"]!.GetValue<int>(), alarm["EvaluationPeriods"]!.GetValue<int>()));
        Assert.Contains(apps.InvoicingDefault.LogicalId("AWS::Lambda::Function", "ChargeCustomerFunction"), Json(alarm["Dimensions"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Grants_follow_the_direction_the_plan_states()
    {
        string PolicyOf(string function)
        {
            var role = Json(Properties("AWS::Lambda::Function", function)["Role"]);
            return Json(new JsonArray([.. apps.InvoicingDefault.OfType("AWS::IAM::Policy")
                .Where(p => Json(p.Resource["Properties"]!["Roles"]).Contains(role.Split('"')[3], StringComparison.Ordinal))
                .Select(p => p.Resource["Properties"]!["PolicyDocument"]!.DeepClone())]));
        }
        // "get-invoice reads from invoices": no write actions on the table.
        var get = PolicyOf("GetInvoiceFunction");
        Assert.Contains("dynamodb:GetItem", get, StringComparison.Ordinal);
        Assert.DoesNotContain("dynamodb:PutItem", get, StringComparison.Ordinal);
        // "create-invoice writes the invoice to invoices and sends a message to payment-events": write, send; no reads, no consume.
        var create = PolicyOf("CreateInvoiceFunction");
        Assert.Contains("dynamodb:PutItem", create, StringComparison.Ordinal);
        Assert.DoesNotContain("dynamodb:GetItem", create, StringComparison.Ordinal);
        Assert.Contains("sqs:SendMessage", create, StringComparison.Ordinal);
        Assert.DoesNotContain("sqs:ReceiveMessage", create, StringComparison.Ordinal);
        // The worker that processes the queue consumes it.
        var worker = Json(new JsonArray([.. apps.InvoicingDefault.OfType("AWS::IAM::Policy").Select(p => p.Resource.DeepClone())]));
        Assert.Contains("sqs:ReceiveMessage", worker, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_planned_secret_reaches_the_compute_that_reads_it_with_a_scoped_grant()
    {
        // "Card vault token, read by charge-customer": only that function, as CARD_VAULT_SECRET_ARN.
        var charge = Properties("AWS::Lambda::Function", "ChargeCustomerFunction")["Environment"]!["Variables"]!.AsObject();
        Assert.Contains(":secret:invoicing/card-vault", Json(charge["CARD_VAULT_SECRET_ARN"]), StringComparison.Ordinal);
        var get = Properties("AWS::Lambda::Function", "GetInvoiceFunction")["Environment"]!["Variables"]!.AsObject();
        Assert.False(get.ContainsKey("CARD_VAULT_SECRET_ARN"));
        // "SMTP_CREDENTIALS | from invoicing/smtp": the secret, as a container secret of the task that uses it (not a table).
        var statements = Properties("AWS::ECS::TaskDefinition", "MonthlyStatementsTaskDefinition")["ContainerDefinitions"]![0]!;
        var secret = Assert.Single(statements["Secrets"]!.AsArray(), s => s!["Name"]!.GetValue<string>() == "SMTP_CREDENTIALS")!;
        Assert.Contains(":secret:invoicing/smtp", Json(secret["ValueFrom"]), StringComparison.Ordinal);
        // No grant on a wildcard.
        Assert.DoesNotContain("\"Resource\":\"*\",\"Action\":\"secretsmanager", Json(Template), StringComparison.Ordinal);
    }

    [Fact]
    public void A_resource_the_plan_uses_but_does_not_create_comes_from_context_and_synth_names_the_missing_key()
    {
        var create = Properties("AWS::Lambda::Function", "CreateInvoiceFunction")["Environment"]!["Variables"]!.AsObject();
        Assert.Equal("https://tax.example.com/v1", create["TAX_SERVICE_URL"]!.GetValue<string>());

        Assert.NotEqual(0, apps.InvoicingWithoutExternal.Run.ExitCode);
        Assert.Contains("TAX_SERVICE_URL", apps.InvoicingWithoutExternal.Run.Stdout + apps.InvoicingWithoutExternal.Run.Stderr, StringComparison.Ordinal);
        SynthFailure.AssertOneLineNaming("TAX_SERVICE_URL", apps.InvoicingWithoutExternal.Run);
    }
}
