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
