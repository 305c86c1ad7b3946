using InventoryScanner.Analyzers;
using InventoryScanner.Core.Analysis;
using InventoryScanner.Core.Model;
using static InventoryScanner.Tests.Builders;

namespace InventoryScanner.Tests.Core;

public sealed class RegistrationJoinTests
{
    [Fact]
    public void CallInOneProject_ShouldTakeTheBaseAddressAndResilienceOfARegistrationInAnother()
    {
        var registration = Finding("Host", FindingKinds.HttpClientRegistration, "https://partner.example/api/", "Microsoft.Extensions.Http", line: 12);
        registration.Details = new Dictionary<string, string> { [FindingProperties.Client] = "typed:Lib.PartnerClient", [FindingProperties.Resilience] = "AddStandardResilienceHandler" };
        var call = Finding("Lib", FindingKinds.HttpClient, "orders/{id}", line: 20);
        call.Message = "HTTP GET call to orders/{id}";
        call.Details = new Dictionary<string, string> { [FindingProperties.Client] = "typed:Lib.PartnerClient", [FindingProperties.TargetSource] = "interpolated" };
        var unrelated = Finding("Lib", FindingKinds.HttpClient, "health", line: 30);
        unrelated.Details = new Dictionary<string, string> { [FindingProperties.Client] = "named:other" };

        RegistrationJoin.Apply([registration, call, unrelated]);

        Assert.Equal("https://partner.example/api/orders/{id}", call.Target);
        Assert.Equal("HTTP GET call to https://partner.example/api/orders/{id}", call.Message);
        Assert.Equal("Host: src/Host/File.cs:12", call.Details![FindingProperties.Registration]);
        Assert.Equal("AddStandardResilienceHandler", call.Details[FindingProperties.Resilience]);
        Assert.Equal(TargetSources.BaseAddress, call.Details[FindingProperties.TargetSource]);
        Assert.Equal("health", unrelated.Target);
        Assert.False(unrelated.Details!.ContainsKey(FindingProperties.Registration));
    }

    [Fact]
    public void CallAlreadyAttributedInItsOwnProject_ShouldBeLeftAsItIs()
    {
        var registration = Finding("Host", FindingKinds.HttpClientRegistration, "https://elsewhere.example/");
        registration.Details = new Dictionary<string, string> { [FindingProperties.Client] = "named:crm" };
        var call = Finding("Api", FindingKinds.HttpClient, "https://crm.example/contacts");
        call.Details = new Dictionary<string, string> { [FindingProperties.Client] = "named:crm", [FindingProperties.Registration] = "named 'crm' at Program.cs:4" };

        RegistrationJoin.Apply([registration, call]);

        Assert.Equal("https://crm.example/contacts", call.Target);
        Assert.Equal("named 'crm' at Program.cs:4", call.Details![FindingProperties.Registration]);
    }
}
