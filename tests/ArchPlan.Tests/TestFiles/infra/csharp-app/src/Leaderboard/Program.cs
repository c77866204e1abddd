using Amazon.CDK;

namespace Acme.Leaderboard
{
    public static class Program
    {
        public static void Main(string[] args)
        {
            var app = new App();
            new LeaderboardStack(app, "AcmeLeaderboardStack", new StackProps
            {
                StackName = "acme-leaderboard",
            });
            app.Synth();
        }
    }
}
