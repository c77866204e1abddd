using Amazon.CDK;

namespace Acme.Orders
{
    /// <summary>What differs between the environments.</summary>
    public sealed class OrdersStackProps : StackProps
    {
        public string EnvironmentName { get; set; }

        public string LogLevel { get; set; }

        public string MaxBatch { get; set; }

        public string ReturnsEnabled { get; set; }

        public string AlertsTopicArn { get; set; }
    }
}
