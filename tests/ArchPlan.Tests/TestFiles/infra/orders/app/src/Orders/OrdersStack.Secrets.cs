using SecretsManager = Amazon.CDK.AWS.SecretsManager;

namespace Acme.Orders
{
    /// <summary>Secrets the order functions read at run time: each function gets the ARN and a read grant.</summary>
    public sealed partial class OrdersStack
    {
        private void ImportSecrets()
        {
            var paymentsKey = SecretsManager.Secret.FromSecretNameV2(this, "PaymentsApiKey", "orders/payments-api-key");
            OrderApi.AddEnvironment("PAYMENTS_API_KEY_SECRET_ARN", paymentsKey.SecretArn);
            paymentsKey.GrantRead(OrderApi);

            var signingKey = SecretsManager.Secret.FromSecretNameV2(this, "WebhookSigningKey", "orders/webhook-signing-key");
            OrderApi.AddEnvironment("WEBHOOK_SIGNING_KEY_SECRET_ARN", signingKey.SecretArn);
            signingKey.GrantRead(OrderApi);
        }
    }
}
