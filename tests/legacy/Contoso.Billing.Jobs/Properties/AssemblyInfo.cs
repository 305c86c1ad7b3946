using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("Contoso.Billing.Jobs")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
