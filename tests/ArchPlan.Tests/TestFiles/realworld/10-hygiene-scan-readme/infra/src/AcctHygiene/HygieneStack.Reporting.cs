using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SNS;

namespace AcctHygiene
{
    public partial class HygieneStack
    {
        // Reporting lives apart so the scan itself can be deployed to accounts without a topic.
        private void AddReporting(Function scanner)
        {
            var alerts = new Topic(this, "AlertTopic", new TopicProps
            {
                TopicName = "acct-hygiene-alerts",
                DisplayName = "Account hygiene findings",
            });
            alerts.GrantPublish(scanner);

            scanner.AddEnvironment("ALERT_TOPIC_ARN", alerts.TopicArn);
            scanner.AddEnvironment("REPORT_FORMAT", "json");
        }
    }
}
