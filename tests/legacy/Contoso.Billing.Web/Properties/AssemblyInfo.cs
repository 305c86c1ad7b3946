using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("Contoso.Billing.Web")]
[assembly: AssemblyCompany("Contoso")]
[assembly: ComVisible(false)]
[assembly: Guid("6c1e2a47-3b5d-4c8e-9f10-2a7b3c4d5e61")]
[assembly: AssemblyVersion("1.0.0.0")]
