using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hypeman.Serialization;

/// <summary>
/// Source-generated serializer metadata for every model. Tolerant by design: unknown
/// properties are skipped (the default), enums are plain strings, numbers may come quoted.
/// Optional request fields that are null are left out of request bodies.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = false,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
// Errors, health and capabilities
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(ErrorDetail))]
[JsonSerializable(typeof(Health))]
[JsonSerializable(typeof(Capabilities))]
[JsonSerializable(typeof(CapabilitiesServer))]
[JsonSerializable(typeof(CapabilitiesHost))]
[JsonSerializable(typeof(CapabilitiesDefaultRuntime))]
[JsonSerializable(typeof(CapabilitiesRuntime))]
[JsonSerializable(typeof(CapabilitiesNetwork))]
[JsonSerializable(typeof(CapabilitiesImages))]
// Instances
[JsonSerializable(typeof(Instance))]
[JsonSerializable(typeof(List<Instance>))]
[JsonSerializable(typeof(InstanceNetwork))]
[JsonSerializable(typeof(VolumeMount))]
[JsonSerializable(typeof(PortMapping))]
[JsonSerializable(typeof(InstanceGPU))]
[JsonSerializable(typeof(GPUConfig))]
[JsonSerializable(typeof(AutoStandbyPolicy))]
[JsonSerializable(typeof(AutoStandbyStatus))]
[JsonSerializable(typeof(HealthCheck))]
[JsonSerializable(typeof(HealthCheckHTTP))]
[JsonSerializable(typeof(HealthCheckTCP))]
[JsonSerializable(typeof(HealthCheckExec))]
[JsonSerializable(typeof(InstanceHealthStatus))]
[JsonSerializable(typeof(RestartPolicy))]
[JsonSerializable(typeof(RestartStatus))]
[JsonSerializable(typeof(PathInfo))]
[JsonSerializable(typeof(WaitForStateResponse))]
[JsonSerializable(typeof(InstanceStats))]
[JsonSerializable(typeof(CreateInstanceRequest))]
[JsonSerializable(typeof(CreateInstanceRequestNetwork))]
[JsonSerializable(typeof(CreateInstanceRequestNetworkEgress))]
[JsonSerializable(typeof(CreateInstanceRequestNetworkEgressEnforcement))]
[JsonSerializable(typeof(CreateInstanceRequestCredential))]
[JsonSerializable(typeof(CreateInstanceRequestCredentialSource))]
[JsonSerializable(typeof(CreateInstanceRequestCredentialInject))]
[JsonSerializable(typeof(CreateInstanceRequestCredentialInjectAs))]
[JsonSerializable(typeof(UpdateInstanceRequest))]
[JsonSerializable(typeof(StartInstanceRequest))]
[JsonSerializable(typeof(StandbyInstanceRequest))]
[JsonSerializable(typeof(ForkInstanceRequest))]
// Snapshots
[JsonSerializable(typeof(Snapshot))]
[JsonSerializable(typeof(List<Snapshot>))]
[JsonSerializable(typeof(SnapshotCompressionConfig))]
[JsonSerializable(typeof(SnapshotPolicy))]
[JsonSerializable(typeof(SnapshotSchedule))]
[JsonSerializable(typeof(SnapshotScheduleRetention))]
[JsonSerializable(typeof(CreateSnapshotRequest))]
[JsonSerializable(typeof(RestoreSnapshotRequest))]
[JsonSerializable(typeof(ForkSnapshotRequest))]
[JsonSerializable(typeof(SetSnapshotScheduleRequest))]
// Volumes
[JsonSerializable(typeof(Volume))]
[JsonSerializable(typeof(List<Volume>))]
[JsonSerializable(typeof(VolumeAttachment))]
[JsonSerializable(typeof(CreateVolumeRequest))]
[JsonSerializable(typeof(AttachVolumeRequest))]
// Images and pushes
[JsonSerializable(typeof(Image))]
[JsonSerializable(typeof(List<Image>))]
[JsonSerializable(typeof(CreateImageRequest))]
[JsonSerializable(typeof(Push))]
[JsonSerializable(typeof(List<Push>))]
[JsonSerializable(typeof(PushCredentials))]
[JsonSerializable(typeof(CreatePushRequest))]
// Ingresses
[JsonSerializable(typeof(Ingress))]
[JsonSerializable(typeof(List<Ingress>))]
[JsonSerializable(typeof(IngressRule))]
[JsonSerializable(typeof(IngressMatch))]
[JsonSerializable(typeof(IngressTarget))]
[JsonSerializable(typeof(IngressRequestHeaderAuth))]
[JsonSerializable(typeof(CreateIngressRequest))]
// Devices and GPUs
[JsonSerializable(typeof(Device))]
[JsonSerializable(typeof(List<Device>))]
[JsonSerializable(typeof(AvailableDevice))]
[JsonSerializable(typeof(List<AvailableDevice>))]
[JsonSerializable(typeof(CreateDeviceRequest))]
[JsonSerializable(typeof(GPUProfile))]
[JsonSerializable(typeof(PassthroughDevice))]
[JsonSerializable(typeof(GPUResourceStatus))]
// Builds and builders
[JsonSerializable(typeof(Build))]
[JsonSerializable(typeof(List<Build>))]
[JsonSerializable(typeof(BuildPolicy))]
[JsonSerializable(typeof(BuildProvenance))]
[JsonSerializable(typeof(BuildEvent))]
[JsonSerializable(typeof(Builder))]
[JsonSerializable(typeof(List<Builder>))]
[JsonSerializable(typeof(CreateBuilderRequest))]
// Resources
[JsonSerializable(typeof(Resources))]
[JsonSerializable(typeof(ResourceStatus))]
[JsonSerializable(typeof(DiskBreakdown))]
[JsonSerializable(typeof(ResourceAllocation))]
[JsonSerializable(typeof(MemoryReclaimRequest))]
[JsonSerializable(typeof(MemoryReclaimResponse))]
[JsonSerializable(typeof(MemoryReclaimAction))]
internal sealed partial class HypemanJsonContext : JsonSerializerContext
{
}
