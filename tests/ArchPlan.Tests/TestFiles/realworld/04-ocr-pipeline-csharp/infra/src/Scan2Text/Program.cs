using Amazon.CDK;

namespace Scan2Text
{
    sealed class Program
    {
        public static void Main(string[] args)
        {
            var app = new App();
            new Scan2TextStack(app, "Scan2TextStack", new StackProps
            {
                StackName = "scan2text",
                Env = new Environment
                {
                    Account = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT"),
                    Region = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION"),
                },
            });
            app.Synth();
        }
    }
}
