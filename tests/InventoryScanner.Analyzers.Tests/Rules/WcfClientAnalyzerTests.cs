using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;

namespace InventoryScanner.Analyzers.Tests.Rules;

/// <summary>INV1009: WCF/SOAP calls through generated clients and ChannelFactory channels, addressed from code or web.config.</summary>
public sealed class WcfClientAnalyzerTests
{
    private const string Contracts = """
        namespace ServiceReference1
        {
            [System.ServiceModel.ServiceContract(ConfigurationName = "ServiceReference1.ICalculator")]
            public interface ICalculator
            {
                [System.ServiceModel.OperationContract] int Add(int a, int b);
                [System.ServiceModel.OperationContract] System.Threading.Tasks.Task<int> AddAsync(int a, int b);
            }

            public partial class CalculatorClient : System.ServiceModel.ClientBase<ICalculator>, ICalculator
            {
                public CalculatorClient() { }
                public CalculatorClient(string endpointConfigurationName) { }
                public CalculatorClient(System.ServiceModel.Channels.Binding binding, System.ServiceModel.EndpointAddress remoteAddress) { }
                public int Add(int a, int b) => base.Channel.Add(a, b);
                public System.Threading.Tasks.Task<int> AddAsync(int a, int b) => base.Channel.AddAsync(a, b);
                public string Describe() => "calculator";
            }
        }

        namespace Weather
        {
            [System.ServiceModel.ServiceContract]
            public interface IWeatherSoap { [System.ServiceModel.OperationContract] string Forecast(string city); }

            public partial class WeatherSoapClient : System.ServiceModel.ClientBase<IWeatherSoap>, IWeatherSoap
            {
                public WeatherSoapClient() { }
                public string Forecast(string city) => base.Channel.Forecast(city);
                private static System.ServiceModel.EndpointAddress GetEndpointAddress() => new System.ServiceModel.EndpointAddress("http://weather.example.com/WeatherService.asmx");
            }
        }

        namespace Inventory
        {
            [System.ServiceModel.ServiceContract]
            public interface IInventoryService { [System.ServiceModel.OperationContract] bool Reserve(string sku); }
        }
        """;

    private const string Calls = """
        using System.ServiceModel;
        using ServiceReference1;
        class Checkout
        {
            void Run()
            {
                new CalculatorClient("Secure_ICalculator").Add(1, 2);
                var byContract = new CalculatorClient();
                byContract.AddAsync(3, 4);
                byContract.Describe();
                var explicitAddress = new CalculatorClient(new BasicHttpBinding(), new EndpointAddress("https://calc-explicit.example.com/Calculator.svc"));
                explicitAddress.Add(5, 6);
                new Weather.WeatherSoapClient().Forecast("Utrecht");
                var factory = new ChannelFactory<Inventory.IInventoryService>(new BasicHttpBinding(), new EndpointAddress(System.Configuration.ConfigurationManager.AppSettings["InventoryUrl"]));
                var channel = factory.CreateChannel();
                channel.Reserve("sku-1");
            }
        }
        """;

    private const string ServiceModelStub = """
        namespace System.ServiceModel
        {
            [AttributeUsage(AttributeTargets.Interface)] public sealed class ServiceContractAttribute : Attribute { public string ConfigurationName { get; set; } = ""; }
            [AttributeUsage(AttributeTargets.Method)] public sealed class OperationContractAttribute : Attribute { }
            public sealed class EndpointAddress { public EndpointAddress(string uri) { } }
            public sealed class BasicHttpBinding : Channels.Binding { }
            public abstract class ClientBase<TChannel> where TChannel : class { protected TChannel Channel => null!; }
            public sealed class ChannelFactory<TChannel>
            {
                public ChannelFactory(Channels.Binding binding, EndpointAddress remoteAddress) { }
                public ChannelFactory(string endpointConfigurationName) { }
                public TChannel CreateChannel() => default!;
            }
        }
        namespace System.ServiceModel.Channels { public abstract class Binding { } }
        namespace System.Configuration
        {
            public static class ConfigurationManager { public static System.Collections.Specialized.NameValueCollection AppSettings => null!; }
        }
        """;

    private const string WebConfig = """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <appSettings>
            <add key="InventoryUrl" value="https://inventory.example.com/InventoryService.svc" />
          </appSettings>
          <system.serviceModel>
            <client>
              <endpoint address="https://calc.example.com/Calculator.svc" binding="basicHttpBinding" contract="ServiceReference1.ICalculator" name="BasicHttpBinding_ICalculator" />
              <endpoint address="https://calc-secure.example.com/Calculator.svc" binding="basicHttpBinding" contract="ServiceReference1.ICalculator" name="Secure_ICalculator" />
            </client>
            <services>
              <service name="Server.Calculator"><endpoint address="http://0.0.0.0/server" contract="Server.ICalculator" /></service>
            </services>
          </system.serviceModel>
        </configuration>
        """;

    private static async Task<List<string>> CallsAsync(params string[] sources)
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new WcfClientAnalyzer(), [("/src/Web.config", WebConfig)], sources);
        return diagnostics.Select(d => $"{d.Properties[FindingProperties.Operation]} {d.Properties[FindingProperties.Target]} [{d.Properties[FindingProperties.TargetSource]}] ({d.Properties[FindingProperties.Confidence]})").ToList();
    }

    [Fact]
    public async Task SoapCalls_ShouldTakeTheirAddressFromCodeOrTheConfiguredClientEndpoint()
    {
        Assert.Equal(
            [
                "ICalculator.Add https://calc-secure.example.com/Calculator.svc [configuration] (high)",
                "ICalculator.Add https://calc.example.com/Calculator.svc [configuration] (high)",
                "ICalculator.Add https://calc-explicit.example.com/Calculator.svc [literal] (high)",
                "IWeatherSoap.Forecast http://weather.example.com/WeatherService.asmx [constant] (high)",
                "IInventoryService.Reserve https://inventory.example.com/InventoryService.svc [configuration] (high)",
            ],
            await CallsAsync(Calls, Contracts, ServiceModelStub));
    }

    [Fact]
    public async Task SoapCalls_WhenServiceModelDoesNotResolve_ShouldStillBeFoundByName_WithLowConfidence()
    {
        var calls = await CallsAsync(Calls.Replace("System.Configuration.ConfigurationManager.AppSettings[\"InventoryUrl\"]", "\"https://inventory.example.com/InventoryService.svc\""), Contracts);
        Assert.Equal(5, calls.Count);
        Assert.All(calls, call => Assert.EndsWith("(low)", call));
        Assert.Contains("ICalculator.Add https://calc-secure.example.com/Calculator.svc [configuration] (low)", calls);
    }
}

/// <summary>INV1009 for ASMX web references (SoapHttpClientProtocol proxies) and service-reference maps.</summary>
public sealed class AsmxAndServiceReferenceTests
{
    private const string TaxProxy = """
        // path: /src/Web References/TaxService/Reference.cs
        namespace Shop.TaxService
        {
            [System.Web.Services.WebServiceBinding(Name = "TaxServiceSoap")]
            public partial class TaxService : System.Web.Services.Protocols.SoapHttpClientProtocol
            {
                public TaxService() { this.Url = global::Shop.Properties.Settings.Default.Shop_TaxService_TaxService; }

                [System.Web.Services.Protocols.SoapDocumentMethod("http://tax.example/GetRate")]
                public decimal GetRate(string region) { object[] results = this.Invoke("GetRate", new object[] { region }); return (decimal)results[0]; }

                public void GetRateAsync(string region) { this.InvokeAsync("GetRate", new object[] { region }); }

                public decimal Describe() => 0m;
            }
        }

        namespace Shop.Properties
        {
            internal sealed partial class Settings : System.Configuration.ApplicationSettingsBase
            {
                public static Settings Default => new Settings();

                [System.Configuration.ApplicationScopedSetting]
                [System.Configuration.DefaultSettingValue("http://tax-default.example/TaxService.asmx")]
                public string Shop_TaxService_TaxService => (string)this["Shop_TaxService_TaxService"];
            }
        }
        """;

    private const string StaticProxy = """
        namespace Shop.Rates
        {
            public partial class RateService : System.Web.Services.Protocols.SoapHttpClientProtocol
            {
                public RateService() { this.Url = "http://rates.example/RateService.asmx"; }

                [System.Web.Services.Protocols.SoapRpcMethod("http://rates.example/Latest")]
                public string Latest() => (string)this.Invoke("Latest", new object[0])[0];
            }
        }
        """;

    private const string Calls = """
        class Checkout
        {
            decimal Run()
            {
                using (var tax = new Shop.TaxService.TaxService())
                {
                    tax.GetRateAsync("NL");
                    tax.Describe();
                    tax.Abort();
                    new Shop.Rates.RateService().Latest();
                    new Lookalike().GetRate("NL");
                    return tax.GetRate("NL");
                }
            }
        }

        class Lookalike
        {
            [System.Web.Services.Protocols.SoapDocumentMethod("http://nowhere/GetRate")]
            public decimal GetRate(string region) => 0m;
        }
        """;

    private const string Stubs = """
        namespace System.Web.Services
        {
            public sealed class WebServiceBindingAttribute : Attribute { public string Name { get; set; } = ""; }
        }
        namespace System.Web.Services.Protocols
        {
            public class WebClientProtocol : IDisposable { public string Url { get; set; } = ""; public void Dispose() { } public void Abort() { } }
            public class HttpWebClientProtocol : WebClientProtocol { }
            public class SoapHttpClientProtocol : HttpWebClientProtocol
            {
                protected object[] Invoke(string methodName, object[] parameters) => parameters;
                protected void InvokeAsync(string methodName, object[] parameters) { }
            }
            public sealed class SoapDocumentMethodAttribute : Attribute { public SoapDocumentMethodAttribute(string action) { } }
            public sealed class SoapRpcMethodAttribute : Attribute { public SoapRpcMethodAttribute(string action) { } }
        }
        namespace System.Configuration
        {
            public sealed class ApplicationScopedSettingAttribute : Attribute { }
            public sealed class DefaultSettingValueAttribute : Attribute { public DefaultSettingValueAttribute(string value) { } }
            public abstract class ApplicationSettingsBase { public object this[string name] => name; }
        }
        """;

    private const string WebConfig = """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <applicationSettings>
            <Shop.Properties.Settings>
              <setting name="Shop_TaxService_TaxService" serializeAs="String">
                <value>https://tax.example/TaxService.asmx</value>
              </setting>
            </Shop.Properties.Settings>
          </applicationSettings>
        </configuration>
        """;

    private static async Task<List<string>> CallsAsync((string Path, string Text)[] additionalFiles, params string[] sources)
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new WcfClientAnalyzer(), additionalFiles, sources);
        return diagnostics.Select(d => $"{d.Properties[FindingProperties.Library]} {d.Properties[FindingProperties.Operation]} {d.Properties[FindingProperties.Target]} [{d.Properties[FindingProperties.TargetSource]}] ({d.Properties[FindingProperties.Confidence]})").ToList();
    }

    [Fact]
    public async Task WebReferenceCalls_ShouldTakeTheUrlFromApplicationSettings_AndSkipWhatIsNotAWebMethod()
    {
        Assert.Equal(
            [
                "System.Web.Services TaxService.GetRate https://tax.example/TaxService.asmx [configuration] (high)",
                "System.Web.Services RateService.Latest http://rates.example/RateService.asmx [constant] (high)",
                "System.Web.Services TaxService.GetRate https://tax.example/TaxService.asmx [configuration] (high)",
            ],
            await CallsAsync([("/src/Web.config", WebConfig)], Calls, TaxProxy, StaticProxy, Stubs));
    }

    [Fact]
    public async Task WebReferenceCalls_WithoutConfiguration_ShouldUseTheSettingsDefault()
    {
        var calls = await CallsAsync([], Calls, TaxProxy, StaticProxy, Stubs);

        Assert.Contains("System.Web.Services TaxService.GetRate http://tax-default.example/TaxService.asmx [configuration] (high)", calls);
    }

    [Fact]
    public async Task WebReferenceCalls_WhenTheUrlIsUnknown_ShouldUseTheReferenceMap()
    {
        const string Map = """
            <?xml version="1.0" encoding="utf-8"?>
            <DiscoveryClientResultsFile>
              <Results>
                <DiscoveryClientResult referenceType="System.Web.Services.Discovery.ContractReference" url="http://tax-wsdl.example/TaxService.asmx?wsdl" filename="TaxService.wsdl" />
              </Results>
            </DiscoveryClientResultsFile>
            """;
        var proxy = TaxProxy.Replace("global::Shop.Properties.Settings.Default.Shop_TaxService_TaxService", "System.Environment.GetEnvironmentVariable(\"TAX_URL\")", StringComparison.Ordinal);

        var calls = await CallsAsync([("/src/Web References/TaxService/Reference.map", Map)], Calls, proxy, StaticProxy, Stubs);

        Assert.Contains("System.Web.Services TaxService.GetRate http://tax-wsdl.example/TaxService.asmx [configuration] (high)", calls);
    }

    [Fact]
    public async Task WebReferenceCalls_WhenWebServicesDoesNotResolve_ShouldStillBeFoundByName_WithLowConfidence()
    {
        var calls = await CallsAsync([("/src/Web.config", WebConfig)], Calls, StaticProxy);

        Assert.Equal(["System.Web.Services RateService.Latest http://rates.example/RateService.asmx [constant] (low)"], calls);
    }

    [Fact]
    public async Task ServiceReferenceClient_WithoutAConfiguredEndpoint_ShouldUseItsSvcmap()
    {
        const string Client = """
            // path: /src/Service References/ErpService/Reference.cs
            namespace Shop.ErpService
            {
                [System.ServiceModel.ServiceContract(ConfigurationName = "ErpService.IInvoiceService")]
                public interface IInvoiceService { [System.ServiceModel.OperationContract] string Submit(string number); }

                public partial class InvoiceServiceClient : System.ServiceModel.ClientBase<IInvoiceService>, IInvoiceService
                {
                    public string Submit(string number) => base.Channel.Submit(number);
                }
            }
            """;
        const string Svcmap = """
            <?xml version="1.0" encoding="utf-8"?>
            <ReferenceGroup xmlns="urn:schemas-microsoft-com:xml-wcfservicemap">
              <MetadataSources>
                <MetadataSource Address="http://erp.example/Finance/InvoiceService.svc?wsdl" Protocol="http" SourceId="1" />
              </MetadataSources>
            </ReferenceGroup>
            """;
        const string ServiceModel = """
            namespace System.ServiceModel
            {
                [AttributeUsage(AttributeTargets.Interface)] public sealed class ServiceContractAttribute : Attribute { public string ConfigurationName { get; set; } = ""; }
                [AttributeUsage(AttributeTargets.Method)] public sealed class OperationContractAttribute : Attribute { }
                public abstract class ClientBase<TChannel> where TChannel : class { protected TChannel Channel => null!; }
            }
            class Billing { string Run() => new Shop.ErpService.InvoiceServiceClient().Submit("INV-1"); }
            """;

        var calls = await CallsAsync([("/src/Service References/ErpService/Reference.svcmap", Svcmap)], Client, ServiceModel);

        Assert.Equal(["System.ServiceModel IInvoiceService.Submit http://erp.example/Finance/InvoiceService.svc [configuration] (high)"], calls);
    }
}
