using System.Collections.Generic;
using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.EventSources;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;

namespace Acme.Orders
{
    /// <summary>The planned resources of the order-intake stack.</summary>
    public sealed partial class OrdersStack
    {
        private Table _orders;
        private Queue _events;
        private Bucket _exports;

        /// <summary>The HTTP-facing order function.</summary>
        public Function OrderApi { get; private set; }

        /// <summary>The queue consumer.</summary>
        public Function OrderWorker { get; private set; }

        private void DefinePlannedResources(OrdersStackProps props)
        {
            _orders = new Table(this, "OrdersTable", new TableProps
            {
                PartitionKey = new Attribute { Name = "orderId", Type = AttributeType.STRING },
                BillingMode = BillingMode.PAY_PER_REQUEST,
                RemovalPolicy = RemovalPolicy.DESTROY,
            });
            var deadLetters = new Queue(this, "OrderEventsDlq");
            _events = new Queue(this, "OrderEvents", new QueueProps
            {
                VisibilityTimeout = Duration.Seconds(60),
                DeadLetterQueue = new DeadLetterQueue { Queue = deadLetters, MaxReceiveCount = 5 },
            });
            _exports = new Bucket(this, "OrderExports", new BucketProps
            {
                RemovalPolicy = RemovalPolicy.DESTROY,
                AutoDeleteObjects = true,
                EnforceSSL = true,
            });

            OrderApi = new Function(this, "OrderApi", new FunctionProps
            {
                Runtime = Runtime.NODEJS_20_X,
                Handler = "index.handler",
                Code = Code.FromInline("exports.handler = async () => ({ statusCode: 200 });"),
                MemorySize = 256,
                Timeout = Duration.Seconds(10),
                LogRetention = RetentionDays.ONE_MONTH,
                Environment = new Dictionary<string, string>
                {
                    ["LOG_LEVEL"] = props.LogLevel,
                    ["ORDERS_TABLE"] = _orders.TableName,
                    ["EVENTS_QUEUE_URL"] = _events.QueueUrl,
                    ["CURRENCY"] = "EUR",
                },
            });
            _orders.GrantReadWriteData(OrderApi);
            _events.GrantSendMessages(OrderApi);

            OrderWorker = new Function(this, "OrderWorker", new FunctionProps
            {
                Runtime = Runtime.PYTHON_3_12,
                Handler = "index.handler",
                Code = Code.FromInline("def handler(event, context):\n    return None\n"),
                MemorySize = 512,
                Timeout = Duration.Seconds(60),
                Environment = new Dictionary<string, string>
                {
                    ["LOG_LEVEL"] = props.LogLevel,
                    ["ORDERS_TABLE"] = _orders.TableName,
                    ["EXPORT_BUCKET"] = _exports.BucketName,
                    ["MAX_BATCH"] = props.MaxBatch,
                },
            });
            OrderWorker.AddEventSource(new SqsEventSource(_events, new SqsEventSourceProps { BatchSize = 10 }));
            _orders.GrantReadData(OrderWorker);
            _exports.GrantWrite(OrderWorker);

            var alerts = Topic.FromTopicArn(this, "OrderAlerts", props.AlertsTopicArn);
            var errors = new Alarm(this, "OrderWorkerErrors", new AlarmProps
            {
                Metric = OrderWorker.MetricErrors(),
                Threshold = 1,
                EvaluationPeriods = 1,
            });
            errors.AddAlarmAction(new SnsAction(alerts));
        }
    }
}
