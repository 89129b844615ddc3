using Hypeman.Serialization;
using static Hypeman.Client.Tests.Models.ModelJson;

namespace Hypeman.Client.Tests.Models;

public sealed class DeviceAndIngressModelTests
{
    [Fact]
    public void A_device_keeps_its_id_apart_from_the_pci_device_id()
    {
        var d = Read("""
            {
              "id": "tz4a98xxat96iws9zmbrgj3a", "name": "l4-gpu", "type": "gpu",
              "tags": { "rack": "r12" },
              "pci_address": "0000:a2:00.0", "vendor_id": "10de", "device_id": "27b8",
              "iommu_group": 82, "bound_to_vfio": true, "attached_to": "qilviffnqzck2jrim1x6s2b1",
              "created_at": "2025-01-15T10:00:00Z"
            }
            """, HypemanJsonContext.Default.Device);
        Assert.Equal("tz4a98xxat96iws9zmbrgj3a", d.Id);
        Assert.Equal(d.Id, d.DeviceId);
        Assert.Equal(d.Id, d.ToString());
        Assert.Equal("27b8", d.PciDeviceId);
        Assert.Equal("l4-gpu", d.Name);
        Assert.Equal(DeviceType.Gpu, d.Type);
        Assert.Equal("r12", d.Tags["rack"]);
        Assert.Equal("0000:a2:00.0", d.PciAddress);
        Assert.Equal("10de", d.VendorId);
        Assert.Equal(82, d.IommuGroup);
        Assert.True(d.BoundToVfio);
        Assert.Equal("qilviffnqzck2jrim1x6s2b1", d.AttachedTo);
        Assert.Equal(Utc("2025-01-15T10:00:00Z"), d.CreatedAt);

        // Written back, device_id is the PCI ID again and the computed DeviceId is not on the wire.
        var json = Write(d, HypemanJsonContext.Default.Device);
        Assert.Equal("27b8", json.GetProperty("device_id").GetString());
        Assert.DoesNotContain("DeviceId", PropertyNames(json));
    }

    [Fact]
    public void Device_lists_and_available_devices_parse()
    {
        var devices = Read("""[{"id":"d1","type":"pci","pci_address":"0000:01:00.0","vendor_id":"8086","device_id":"1533","iommu_group":"7","bound_to_vfio":false,"attached_to":null,"created_at":"2025-01-15T10:00:00Z"}]""",
            HypemanJsonContext.Default.ListDevice);
        var d = Assert.Single(devices);
        Assert.Null(d.Name);
        Assert.Null(d.AttachedTo);
        Assert.Empty(d.Tags);
        Assert.Equal(7, d.IommuGroup);

        var available = Read("""
            [{"pci_address":"0000:a2:00.0","vendor_id":"10de","device_id":"27b8","vendor_name":"NVIDIA Corporation",
              "device_name":"L4","iommu_group":82,"current_driver":"nvidia"},
             {"pci_address":"0000:03:00.0","vendor_id":"1af4","device_id":"1041","iommu_group":3,"current_driver":null}]
            """, HypemanJsonContext.Default.ListAvailableDevice);
        Assert.Equal("27b8", available[0].PciDeviceId);
        Assert.Equal("NVIDIA Corporation", available[0].VendorName);
        Assert.Equal("L4", available[0].DeviceName);
        Assert.Equal("nvidia", available[0].CurrentDriver);
        Assert.Null(available[1].CurrentDriver);
        Assert.Null(available[1].VendorName);
    }

    [Fact]
    public void An_ingress_parses_with_its_rules()
    {
        var ingress = Read("""
            {
              "id": "2OgJqXsP7j1qLVVYvGJDNiYVlPO",
              "name": "my-api-ingress",
              "tags": { "env": "prod" },
              "rules": [
                {
                  "match": { "hostname": "{instance}.example.com", "port": 443 },
                  "target": { "instance": "{instance}", "port": 8080 },
                  "tls": true, "redirect_http": true,
                  "request_header_auth": { "header": "X-Ingress-Verification", "value": "0123456789abcdef0123456789abcdef" }
                },
                { "match": { "hostname": "api.example.com" }, "target": { "instance": "my-api", "port": 80 }, "tls": false, "redirect_http": false }
              ],
              "created_at": "2025-01-15T10:00:00.123456789Z"
            }
            """, HypemanJsonContext.Default.Ingress);
        Assert.Equal("2OgJqXsP7j1qLVVYvGJDNiYVlPO", ingress.Id);
        Assert.Equal(ingress.Id, ingress.IngressId);
        Assert.Equal(ingress.Id, ingress.ToString());
        Assert.Equal("my-api-ingress", ingress.Name);
        Assert.Equal("prod", ingress.Tags["env"]);
        Assert.Equal(Utc("2025-01-15T10:00:00.1234567Z"), ingress.CreatedAt);
        var first = ingress.Rules[0];
        Assert.Equal("{instance}.example.com", first.Match.Hostname);
        Assert.Equal(443, first.Match.Port);
        Assert.Equal("{instance}", first.Target.Instance);
        Assert.Equal(8080, first.Target.Port);
        Assert.True(first.Tls);
        Assert.True(first.RedirectHttp);
        Assert.Equal("X-Ingress-Verification", first.RequestHeaderAuth!.Header);
        Assert.Equal("0123456789abcdef0123456789abcdef", first.RequestHeaderAuth.Value);
        Assert.DoesNotContain("0123456789abcdef", first.RequestHeaderAuth.ToString());
        Assert.Null(ingress.Rules[1].Match.Port);
        Assert.Null(ingress.Rules[1].RequestHeaderAuth);
        Assert.Equal("api.example.com -> my-api:80", ingress.Rules[1].ToString());
    }

    [Fact]
    public void A_020_ingress_list_without_tags_parses()
    {
        var list = Read("""[{"id":"i1","name":"web","rules":[{"match":{"hostname":"a.b","port":80},"target":{"instance":"x","port":80},"tls":false,"redirect_http":false}],"created_at":"2025-01-15T10:00:00Z"},{"id":"i2","name":"empty","rules":null,"created_at":"2025-01-15T10:00:00Z"}]""",
            HypemanJsonContext.Default.ListIngress);
        Assert.Empty(list[0].Tags);
        Assert.Equal(80, list[0].Rules[0].Match.Port);
        Assert.Empty(list[1].Rules);
    }
}
