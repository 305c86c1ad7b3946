using System;
using System.Linq;

namespace InventoryScanner.Analyzers.Http
{
    /// <summary>
    /// Addresses of managed API gateways: Azure API Management (<c>*.azure-api.net</c>), Apigee, AWS API Gateway
    /// (<c>*.execute-api.*.amazonaws.com</c>). A call to one goes through a gateway although no code of the estate hosts it.
    /// </summary>
    public static class ManagedGateways
    {
        private static readonly string[] HostSuffixes = { ".azure-api.net", ".apigee.net", ".apigee.io" };

        public static bool IsGateway(string origin)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
            {
                return false;
            }

            var host = uri.Host;
            return HostSuffixes.Any(suffix => host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                || (host.IndexOf(".execute-api.", StringComparison.OrdinalIgnoreCase) >= 0 && host.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase));
        }
    }
}
