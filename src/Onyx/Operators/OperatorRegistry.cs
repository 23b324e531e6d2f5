namespace Onyx;

/// <summary>
/// Every operator schema Onyx knows, looked up by domain, name and the model's operator set version.
/// The list is explicit (no reflection), so trimmed and native AOT builds keep every schema.
/// </summary>
public sealed class OperatorRegistry
{
    /// <summary>The schemas of the ONNX specification: ai.onnx, ai.onnx.ml, ai.onnx.preview and ai.onnx.preview.training; and Onyx's own fused operators (ai.onyx).</summary>
    public static OperatorRegistry Default { get; } = new(BuiltinSchemas());

    /// <summary>Creates a registry over the given schemas (several versions of one operator may be given).</summary>
    public OperatorRegistry(IEnumerable<OperatorSchema> schemas)
    {
        foreach (OperatorSchema schema in schemas)
        {
            var key = (OperatorDomains.Normalize(schema.Domain), schema.Name);
            if (!_versions.TryGetValue(key, out List<OperatorSchema>? list))
                _versions[key] = list = [];
            int at = list.FindIndex(s => s.SinceVersion >= schema.SinceVersion);
            if (at >= 0 && list[at].SinceVersion == schema.SinceVersion)
                throw new ArgumentException($"Two schemas define {schema}.", nameof(schemas));
            list.Insert(at < 0 ? list.Count : at, schema);
            _all.Add(schema);
        }
    }

    private readonly Dictionary<(string Domain, string Name), List<OperatorSchema>> _versions = [];
    private readonly List<OperatorSchema> _all = [];

    /// <summary>Every schema, every version.</summary>
    public IReadOnlyList<OperatorSchema> All => _all;

    /// <summary>
    /// The schema a node of <paramref name="name"/> uses in a model importing <paramref name="opsetVersion"/> of
    /// <paramref name="domain"/>: the one with the highest since-version not above it. Null when there is none,
    /// or when that one is deprecated.
    /// </summary>
    public OperatorSchema? Resolve(string domain, string name, long opsetVersion)
    {
        OperatorSchema? schema = ResolveIncludingDeprecated(domain, name, opsetVersion);
        return schema is { Deprecated: true } ? null : schema;
    }

    /// <summary>Like <see cref="Resolve"/>, but returns a deprecated schema too, so callers can say why a node is invalid.</summary>
    public OperatorSchema? ResolveIncludingDeprecated(string domain, string name, long opsetVersion)
    {
        if (!_versions.TryGetValue((OperatorDomains.Normalize(domain), name), out List<OperatorSchema>? list))
            return null;
        for (int i = list.Count - 1; i >= 0; i--)
            if (list[i].SinceVersion <= opsetVersion)
                return list[i];
        return null;
    }

    /// <summary>Every version of one operator, oldest first; empty when the operator is unknown.</summary>
    public IReadOnlyList<OperatorSchema> Versions(string domain, string name) =>
        _versions.TryGetValue((OperatorDomains.Normalize(domain), name), out List<OperatorSchema>? list) ? list : [];

    /// <summary>True when some version of the domain is known to this registry.</summary>
    public bool KnowsDomain(string domain)
    {
        domain = OperatorDomains.Normalize(domain);
        foreach ((string d, _) in _versions.Keys)
            if (d == domain)
                return true;
        return false;
    }

    private static IEnumerable<OperatorSchema> BuiltinSchemas() =>
    [
        ..Operators.If.Versions,
        ..Operators.Loop.Versions,
        ..Operators.Scan.Versions,
        ..Operators.ImageDecoder.Versions,
        ..Operators.NonMaxSuppression.Versions,
        ..Operators.RoiAlign.Versions,
        ..Operators.And.Versions,
        ..Operators.BitShift.Versions,
        ..Operators.BitwiseAnd.Versions,
        ..Operators.BitwiseNot.Versions,
        ..Operators.BitwiseOr.Versions,
        ..Operators.BitwiseXor.Versions,
        ..Operators.Equal.Versions,
        ..Operators.Greater.Versions,
        ..Operators.GreaterOrEqual.Versions,
        ..Operators.Less.Versions,
        ..Operators.LessOrEqual.Versions,
        ..Operators.Not.Versions,
        ..Operators.Or.Versions,
        ..Operators.Xor.Versions,
        ..Operators.Abs.Versions,
        ..Operators.Acos.Versions,
        ..Operators.Acosh.Versions,
        ..Operators.Add.Versions,
        ..Operators.Asin.Versions,
        ..Operators.Asinh.Versions,
        ..Operators.Atan.Versions,
        ..Operators.Atanh.Versions,
        ..Operators.Ceil.Versions,
        ..Operators.Celu.Versions,
        ..Operators.Clip.Versions,
        ..Operators.Cos.Versions,
        ..Operators.Cosh.Versions,
        ..Operators.CumProd.Versions,
        ..Operators.CumSum.Versions,
        ..Operators.Det.Versions,
        ..Operators.Div.Versions,
        ..Operators.Einsum.Versions,
        ..Operators.Elu.Versions,
        ..Operators.Erf.Versions,
        ..Operators.Exp.Versions,
        ..Operators.Expand.Versions,
        ..Operators.Floor.Versions,
        ..Operators.Gelu.Versions,
        ..Operators.Gemm.Versions,
        ..Operators.HardSigmoid.Versions,
        ..Operators.HardSwish.Versions,
        ..Operators.Hardmax.Versions,
        ..Operators.LeakyRelu.Versions,
        ..Operators.Log.Versions,
        ..Operators.LogSoftmax.Versions,
        ..Operators.MatMul.Versions,
        ..Operators.MatMulInteger.Versions,
        ..Operators.Max.Versions,
        ..Operators.Mean.Versions,
        ..Operators.Min.Versions,
        ..Operators.Mish.Versions,
        ..Operators.Mod.Versions,
        ..Operators.Mul.Versions,
        ..Operators.Neg.Versions,
        ..Operators.NegativeLogLikelihoodLoss.Versions,
        ..Operators.PRelu.Versions,
        ..Operators.Pow.Versions,
        ..Operators.QLinearMatMul.Versions,
        ..Operators.Reciprocal.Versions,
        ..Operators.Relu.Versions,
        ..Operators.Round.Versions,
        ..Operators.Selu.Versions,
        ..Operators.Sigmoid.Versions,
        ..Operators.Sign.Versions,
        ..Operators.Sin.Versions,
        ..Operators.Sinh.Versions,
        ..Operators.Softmax.Versions,
        ..Operators.SoftmaxCrossEntropyLoss.Versions,
        ..Operators.Softplus.Versions,
        ..Operators.Softsign.Versions,
        ..Operators.Sqrt.Versions,
        ..Operators.Sub.Versions,
        ..Operators.Sum.Versions,
        ..Operators.SwiGLU.Versions,
        ..Operators.Swish.Versions,
        ..Operators.Tan.Versions,
        ..Operators.Tanh.Versions,
        ..Operators.ThresholdedRelu.Versions,
        ..Operators.TopK.Versions,
        ..Operators.ArrayFeatureExtractor.Versions,
        ..Operators.Binarizer.Versions,
        ..Operators.CastMap.Versions,
        ..Operators.CategoryMapper.Versions,
        ..Operators.DictVectorizer.Versions,
        ..Operators.FeatureVectorizer.Versions,
        ..Operators.Imputer.Versions,
        ..Operators.LabelEncoder.Versions,
        ..Operators.LinearClassifier.Versions,
        ..Operators.LinearRegressor.Versions,
        ..Operators.Normalizer.Versions,
        ..Operators.OneHotEncoder.Versions,
        ..Operators.SVMClassifier.Versions,
        ..Operators.SVMRegressor.Versions,
        ..Operators.Scaler.Versions,
        ..Operators.TreeEnsemble.Versions,
        ..Operators.TreeEnsembleClassifier.Versions,
        ..Operators.TreeEnsembleRegressor.Versions,
        ..Operators.ZipMap.Versions,
        ..Operators.Attention.Versions,
        ..Operators.AveragePool.Versions,
        ..Operators.BatchNormalization.Versions,
        ..Operators.CausalConvWithState.Versions,
        ..Operators.Col2Im.Versions,
        ..Operators.Conv.Versions,
        ..Operators.ConvInteger.Versions,
        ..Operators.ConvTranspose.Versions,
        ..Operators.DeformConv.Versions,
        ..Operators.Dropout.Versions,
        ..Operators.Flatten.Versions,
        ..Operators.FlexAttention.Versions,
        ..Operators.GlobalAveragePool.Versions,
        ..Operators.GlobalLpPool.Versions,
        ..Operators.GlobalMaxPool.Versions,
        ..Operators.GroupNormalization.Versions,
        ..Operators.InstanceNormalization.Versions,
        ..Operators.LRN.Versions,
        ..Operators.LayerNormalization.Versions,
        ..Operators.LinearAttention.Versions,
        ..Operators.LpNormalization.Versions,
        ..Operators.LpPool.Versions,
        ..Operators.MaxPool.Versions,
        ..Operators.MaxRoiPool.Versions,
        ..Operators.MaxUnpool.Versions,
        ..Operators.MeanVarianceNormalization.Versions,
        ..Operators.QLinearConv.Versions,
        ..Operators.RMSNormalization.Versions,
        ..Operators.RotaryEmbedding.Versions,
        ..Operators.Shrink.Versions,
        ..Operators.TfIdfVectorizer.Versions,
        ..Operators.DequantizeLinear.Versions,
        ..Operators.DynamicQuantizeLinear.Versions,
        ..Operators.QuantizeLinear.Versions,
        ..Operators.Bernoulli.Versions,
        ..Operators.Multinomial.Versions,
        ..Operators.RandomNormal.Versions,
        ..Operators.RandomNormalLike.Versions,
        ..Operators.RandomUniform.Versions,
        ..Operators.RandomUniformLike.Versions,
        ..Operators.ArgMax.Versions,
        ..Operators.ArgMin.Versions,
        ..Operators.ReduceL1.Versions,
        ..Operators.ReduceL2.Versions,
        ..Operators.ReduceLogSum.Versions,
        ..Operators.ReduceLogSumExp.Versions,
        ..Operators.ReduceMax.Versions,
        ..Operators.ReduceMean.Versions,
        ..Operators.ReduceMin.Versions,
        ..Operators.ReduceProd.Versions,
        ..Operators.ReduceSum.Versions,
        ..Operators.ReduceSumSquare.Versions,
        ..Operators.GRU.Versions,
        ..Operators.LSTM.Versions,
        ..Operators.RNN.Versions,
        ..Operators.ConcatFromSequence.Versions,
        ..Operators.OptionalOperator.Versions,
        ..Operators.OptionalGetElement.Versions,
        ..Operators.OptionalHasElement.Versions,
        ..Operators.SequenceAt.Versions,
        ..Operators.SequenceConstruct.Versions,
        ..Operators.SequenceEmpty.Versions,
        ..Operators.SequenceErase.Versions,
        ..Operators.SequenceInsert.Versions,
        ..Operators.SequenceLength.Versions,
        ..Operators.SequenceMap.Versions,
        ..Operators.SplitToSequence.Versions,
        ..Operators.BlackmanWindow.Versions,
        ..Operators.DFT.Versions,
        ..Operators.HammingWindow.Versions,
        ..Operators.HannWindow.Versions,
        ..Operators.MelWeightMatrix.Versions,
        ..Operators.STFT.Versions,
        ..Operators.AffineGrid.Versions,
        ..Operators.BitCast.Versions,
        ..Operators.Cast.Versions,
        ..Operators.CastLike.Versions,
        ..Operators.CenterCropPad.Versions,
        ..Operators.Compress.Versions,
        ..Operators.Concat.Versions,
        ..Operators.Constant.Versions,
        ..Operators.ConstantOfShape.Versions,
        ..Operators.DepthToSpace.Versions,
        ..Operators.EyeLike.Versions,
        ..Operators.Gather.Versions,
        ..Operators.GatherElements.Versions,
        ..Operators.GatherND.Versions,
        ..Operators.GridSample.Versions,
        ..Operators.Identity.Versions,
        ..Operators.IsInf.Versions,
        ..Operators.IsNaN.Versions,
        ..Operators.NonZero.Versions,
        ..Operators.OneHot.Versions,
        ..Operators.Pad.Versions,
        ..Operators.Range.Versions,
        ..Operators.Reshape.Versions,
        ..Operators.Resize.Versions,
        ..Operators.ReverseSequence.Versions,
        ..Operators.Scatter.Versions,
        ..Operators.ScatterElements.Versions,
        ..Operators.ScatterND.Versions,
        ..Operators.ShapeOperator.Versions,
        ..Operators.Size.Versions,
        ..Operators.Slice.Versions,
        ..Operators.SpaceToDepth.Versions,
        ..Operators.Split.Versions,
        ..Operators.Squeeze.Versions,
        ..Operators.TensorScatter.Versions,
        ..Operators.Tile.Versions,
        ..Operators.Transpose.Versions,
        ..Operators.Trilu.Versions,
        ..Operators.Unique.Versions,
        ..Operators.Unsqueeze.Versions,
        ..Operators.Upsample.Versions,
        ..Operators.Where.Versions,
        ..Operators.RegexFullMatch.Versions,
        ..Operators.StringConcat.Versions,
        ..Operators.StringNormalizer.Versions,
        ..Operators.StringSplit.Versions,
        ..Operators.Adagrad.Versions,
        ..Operators.Adam.Versions,
        ..Operators.Gradient.Versions,
        ..Operators.Momentum.Versions,
        ..Operators.FusedMatMul.Versions,
        ..Operators.FusedConv.Versions,
        ..Operators.Gelu.OnyxVersions,
        ..Operators.LayerNormalization.OnyxVersions,
        ..Operators.ScaledDotProductAttention.Versions,
    ];
}
