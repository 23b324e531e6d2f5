namespace Onyx.Bench.Models;

/// <summary>A generated benchmark model and the inputs of its data set, in the order of the graph's inputs.</summary>
internal sealed record BenchmarkModel(string Name, Model Model, IReadOnlyList<Tensor> Inputs)
{
    /// <summary>Every benchmark model by folder name; each is built on demand (they hold hundreds of megabytes).</summary>
    public static IReadOnlyList<(string Name, Func<BenchmarkModel> Create)> All { get; } =
    [
        (ResNet50.Name, ResNet50.Create),
        (MobileNetV2.Name, MobileNetV2.Create),
        (BertBase.Name, BertBase.Create),
        (Gpt2Decode.Name, Gpt2Decode.Create),
    ];

    /// <summary>
    /// Writes <c>FOLDER/NAME/model.onnx</c> and <c>FOLDER/NAME/test_data_set_0/input_N.pb</c> (the ONNX backend test
    /// layout, without expected outputs); returns the model's folder.
    /// </summary>
    public string Save(string folder)
    {
        string modelFolder = Path.Combine(folder, Name);
        string dataSet = Directory.CreateDirectory(Path.Combine(modelFolder, "test_data_set_0")).FullName;
        Model.Save(Path.Combine(modelFolder, "model.onnx"));
        for (int i = 0; i < Inputs.Count; i++)
            TensorFile.Write(Path.Combine(dataSet, $"input_{i}.pb"), Inputs[i]);
        return modelFolder;
    }

    /// <summary>A tensor named <paramref name="name"/>, for the data set.</summary>
    public static Tensor Named(string name, Tensor tensor)
    {
        tensor.Name = name;
        return tensor;
    }

    /// <summary>
    /// An image batch [1, 3, size, size]: pixels uniform in [0, 1), normalized per channel with the ImageNet mean
    /// (0.485, 0.456, 0.406) and standard deviation (0.229, 0.224, 0.225), as torchvision's transforms do.
    /// </summary>
    public static Tensor NormalizedImage(string name, NormalSource random, long size)
    {
        float[] mean = [0.485f, 0.456f, 0.406f], std = [0.229f, 0.224f, 0.225f];
        var pixels = new float[3 * size * size];
        for (int i = 0; i < pixels.Length; i++)
        {
            long channel = i / (size * size);
            pixels[i] = ((float)random.NextUniform() - mean[channel]) / std[channel];
        }
        return Named(name, Tensor.FromArray(pixels, 1, 3, size, size));
    }
}
