using System.Collections.Generic;
using Amazon.CDK;

namespace Acme.Orders
{
    /// <summary>One order-intake stack per environment, a monitoring stack they share, and the (empty) reporting stack.</summary>
    internal static class Program
    {
        public static void Main()
        {
            var app = new App();
            var environments = (IDictionary<string, object>)app.Node.TryGetContext("environments");
            var monitoring = new MonitoringStack(app, "OrdersMonitoring");
            foreach (var name in new[] { "dev", "prod" })
            {
                var values = (IDictionary<string, object>)environments[name];
                _ = new OrdersStack(app, $"OrdersStack-{name}", new OrdersStackProps
                {
                    EnvironmentName = name,
                    LogLevel = (string)values["LOG_LEVEL"],
                    MaxBatch = (string)values["MAX_BATCH"],
                    ReturnsEnabled = (string)values["RETURNS_ENABLED"],
                    AlertsTopicArn = monitoring.AlertsTopic.TopicArn,
                });
            }
            _ = new ReportingStack(app, "OrdersReporting");
            app.Synth();
        }
    }
}
