namespace Onyx;

/// <summary>A named multi-device configuration of a model. Mirrors <c>DeviceConfigurationProto</c>.</summary>
public sealed class DeviceConfiguration(string name)
{
    /// <summary>The configuration's name, referenced by nodes.</summary>
    public string Name { get; set; } = name;

    /// <summary>How many devices the configuration uses.</summary>
    public int NumDevices { get; set; }

    /// <summary>Device names.</summary>
    public List<string> Devices { get; } = [];

    internal ReadOnlyMemory<byte> UnknownFields { get; set; }
}

/// <summary>How one node is sharded under a device configuration. Mirrors <c>NodeDeviceConfigurationProto</c>.</summary>
public sealed class NodeDeviceConfiguration(string configurationId)
{
    /// <summary>The <see cref="DeviceConfiguration.Name"/> this applies to.</summary>
    public string ConfigurationId { get; set; } = configurationId;

    /// <summary>Sharding of the node's inputs and outputs.</summary>
    public List<ShardingSpec> ShardingSpecs { get; } = [];

    /// <summary>The pipeline stage, when set.</summary>
    public int? PipelineStage { get; set; }

    internal ReadOnlyMemory<byte> UnknownFields { get; set; }
}

/// <summary>How one tensor is sharded across devices. Mirrors <c>ShardingSpecProto</c>.</summary>
public sealed class ShardingSpec(string tensorName)
{
    /// <summary>The sharded tensor.</summary>
    public string TensorName { get; set; } = tensorName;

    /// <summary>Device indices (or group indices, see <see cref="IndexToDeviceGroupMap"/>).</summary>
    public List<long> Devices { get; } = [];

    /// <summary>Maps a device group index to its device indices.</summary>
    public List<IndexToDeviceGroup> IndexToDeviceGroupMap { get; } = [];

    /// <summary>The sharded axes.</summary>
    public List<ShardedDim> ShardedDims { get; } = [];

    internal ReadOnlyMemory<byte> UnknownFields { get; set; }
}

/// <summary>One entry of a device group map. Mirrors <c>IntIntListEntryProto</c>.</summary>
public sealed class IndexToDeviceGroup(long key)
{
    /// <summary>The group index.</summary>
    public long Key { get; set; } = key;

    /// <summary>The devices in the group.</summary>
    public List<long> Values { get; } = [];

    internal ReadOnlyMemory<byte> UnknownFields { get; set; }
}

/// <summary>The sharding of one axis. Mirrors <c>ShardedDimProto</c>.</summary>
public sealed class ShardedDim(long axis)
{
    /// <summary>The axis.</summary>
    public long Axis { get; set; } = axis;

    /// <summary>The simple shardings of the axis.</summary>
    public List<SimpleShardedDim> SimpleShardings { get; } = [];

    internal ReadOnlyMemory<byte> UnknownFields { get; set; }
}

/// <summary>An axis split into equal shards. Mirrors <c>SimpleShardedDimProto</c>.</summary>
public sealed class SimpleShardedDim
{
    /// <summary>The axis size (known or symbolic), when given.</summary>
    public Dim? Dim { get; set; }

    /// <summary>The number of shards.</summary>
    public long NumShards { get; set; }

    internal ReadOnlyMemory<byte> UnknownFields { get; set; }
}
