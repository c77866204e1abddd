using Amazon.CDK;

namespace AcctHygiene
{
    sealed class Program
    {
        public static void Main(string[] args)
        {
            var app = new App();
            new HygieneStack(app, "AcctHygieneStack", new StackProps
            {
                StackName = "acct-hygiene",
                Description = "Nightly account hygiene scan",
            });
            app.Synth();
        }
    }
}
