namespace Onyx.Operators;

internal static partial class Attention
{
    /// <summary>
    /// Y = softmax(Q K^T * scale + bias) V per head, with Q, K, V given as [B, H, S, D] or, with q_num_heads and
    /// kv_num_heads, as [B, S, H * D]; past_key/past_value are prepended along the sequence; kv heads are repeated for
    /// grouped queries; bias comes from attn_mask (bool: 0 or -inf) and is_causal (bottom-right aligned after the past);
    /// softcap bounds the scores by softcap * tanh(scores / softcap); softmax runs in softmax_precision; rows with no
    /// allowed key give zeros. No body while Q's type (or attn_mask's) is unknown.
    /// </summary>
    internal static FunctionBody? BodyV23(FunctionBodyContext context) => new AttentionBody(context, 23).Write();

    /// <summary>As version 23; attn_mask shorter than the keys is padded with -inf, and nonpad_kv_seqlen masks each batch's padding keys.</summary>
    internal static FunctionBody? BodyV24(FunctionBodyContext context) => new AttentionBody(context, 24).Write();

    /// <summary>As version 24 with left_window_size/right_window_size limiting each query to a window of keys.</summary>
    internal static FunctionBody? BodyV25(FunctionBodyContext context) => new AttentionBody(context, 25).Write();

    /// <summary>The writing of one Attention body; the steps share the values computed before them.</summary>
    private sealed class AttentionBody(FunctionBodyContext context, int version)
    {
        private readonly FunctionBodyWriter w = new(version);
        private readonly DataType _type = context.InputElementType(0);
        private readonly bool _causal = context.Attributes.Int("is_causal", 0) == 1;
        private readonly long _left = version >= 25 ? context.Attributes.Int("left_window_size", -1) : -1;
        private readonly long _right = version >= 25 ? context.Attributes.Int("right_window_size", -1) : -1;
        private string _batch = "", _qLength = "", _kvLength = "", _pastLength = "", _totalLength = "";
        private string _negativeInfinity = "", _zero = "", _one = "", _minusOne = "", _zeroFloat = "", _causalOffset = "";

        private bool HasNonPadLengths => version >= 24 && context.HasInput(6);

        /// <summary>True when nonpad_kv_seqlen gives the keys of a static cache: causal alignment then follows it per batch.</summary>
        private bool ExternalCache => HasNonPadLengths && !context.HasInput(4);

        public FunctionBody? Write()
        {
            var softmaxType = (DataType)(context.Attributes.Int("softmax_precision") ?? (long)_type);
            if (_type == DataType.Undefined || softmaxType is not (DataType.Float or DataType.BFloat16 or DataType.Float16 or DataType.Double)
                || context.HasInput(3) && context.InputElementType(3) == DataType.Undefined || version >= 25 && !ValidForVersion25())
                return null;
            long qHeads = context.Attributes.Int("q_num_heads") ?? 0, kvHeads = context.Attributes.Int("kv_num_heads") ?? 0;
            bool packed = qHeads > 0 && kvHeads > 0;

            _batch = Shape("Q", 0, 1);
            _qLength = Shape("Q", -2, -1);
            _kvLength = Shape("K", -2, -1);
            string q, k, v;
            if (packed)
            {
                string qHeadCount = w.Ints(qHeads), kvHeadCount = w.Ints(kvHeads);
                _minusOne = w.Ints(-1);
                string qShape = Concat(_batch, _qLength, qHeadCount, _minusOne), kvShape = Concat(_batch, _kvLength, kvHeadCount, _minusOne);
                (q, k, v) = (SwapHeadsAndSequence(w.Op("Reshape", "Q", qShape)), SwapHeadsAndSequence(w.Op("Reshape", "K", kvShape)),
                    SwapHeadsAndSequence(w.Op("Reshape", "V", kvShape)));
            }
            else
            {
                (q, k, v) = (w.Op("Identity", "Q"), w.Op("Identity", "K"), w.Op("Identity", "V"));
            }
            string qHeadsDim = Shape(q, 1, 2), kvHeadsDim = Shape(k, 1, 2);
            string keySize = Shape(q, 3, 4);
            string valueSize = Shape(v, 3, 4);
            string sqrtKeySize = w.Op("Sqrt", w.Cast(keySize, DataType.Float));
            _one = w.Ints(1);
            string minusOne1D = version >= 24 ? w.Ints(-1) : "";
            _zero = w.Ints(0);
            string calculatedScale = w.Op("Div", w.Constant(Tensor.FromArray([1f], 1)), sqrtKeySize);
            float? scale = context.Attributes.Float("scale");
            string givenScale = w.Scalar(scale ?? 1f);
            string scaleRoot = w.Cast(w.Op("Sqrt", w.Op("Identity", scale is null ? calculatedScale : givenScale)), _type);

            string presentKey = Cached(k, 4, "present_key", 1);
            _pastLength = context.HasInput(4) ? Shape("past_key", -2, -1) : w.Ints(0);
            if (_causal && ExternalCache)
                _causalOffset = w.Op("Sub", "nonpad_kv_seqlen", _qLength);
            string presentValue = Cached(v, 5, "present_value", 2);
            string bias = w.Cast(Bias(presentKey, minusOne1D), _type);

            string[] kvRepeated = RepeatKvHeads(presentKey, presentValue, qHeadsDim, kvHeadsDim, keySize, valueSize);
            string keysT = w.Op("Transpose", [kvRepeated[0]], Attribute.Create("perm", new[] { 0L, 1, 3, 2 }));
            string scores = w.Op("MatMul", w.Op("Mul", q, scaleRoot), w.Op("Mul", keysT, scaleRoot));
            string typedScores = w.Cast(scores, _type);
            float softcap = context.Attributes.Float("softcap", 0f);
            string capped = typedScores;
            if (softcap != 0f)
            {
                string cap = w.Cast(w.Constant(Tensor.FromArray([softcap], 1)), _type);
                capped = w.Op("Mul", w.Op("Tanh", w.Op("Div", typedScores, cap)), cap);
            }
            string biased = w.Op("Add", capped, bias);
            string probabilities = w.Cast(w.Op("Softmax", w.Cast(biased, softmaxType)), _type);
            // A row whose bias is -inf everywhere softmaxes to NaN; it gives zeros instead.
            string rowMax = w.Op("ReduceMax", bias, w.Ints(-1));
            string allMasked = w.Op("Equal", rowMax, w.Op("CastLike", _negativeInfinity, bias));
            string safe = w.Op("Where", allMasked, w.Op("CastLike", _zeroFloat, probabilities), probabilities);
            if (FunctionBodyWriter.HasOutput(context, 3))
            {
                string chosen = context.Attributes.Int("qk_matmul_output_mode", 0) switch
                {
                    1 => capped,
                    2 => biased,
                    3 => safe,
                    _ => scores,
                };
                w.Output("qk_matmul_output", w.Op("Identity", chosen));
            }
            string y = w.Op("MatMul", safe, kvRepeated[1]);
            w.Output("Y", packed ? w.Op("Reshape", SwapHeadsAndSequence(y), Concat(_zero, _zero, _minusOne)) : w.Op("Identity", y));
            return w.ToBody();
        }

        private bool ValidForVersion25() =>
            _left >= -1 && _right >= -1
            && context.HasInput(4) == context.HasInput(5)
            && FunctionBodyWriter.HasOutput(context, 1) == FunctionBodyWriter.HasOutput(context, 2)
            && !(context.HasInput(6) && (context.HasInput(4) || FunctionBodyWriter.HasOutput(context, 1)))
            && !(context.InputTypes[0] is TensorTypeInfo { Shape.Rank: 4 }
                && (context.Attributes.IsSet("q_num_heads") || context.Attributes.IsSet("kv_num_heads")));

        /// <summary>The keys or values with the past ones (input <paramref name="pastInput"/>) in front; also the present output when asked for.</summary>
        private string Cached(string current, int pastInput, string presentOutput, int presentIndex)
        {
            string present = context.HasInput(pastInput)
                ? w.Op("Concat", [context.Schema.Inputs[pastInput].Name, current], Attribute.Create("axis", 2L))
                : w.Op("Identity", current);
            if (FunctionBodyWriter.HasOutput(context, presentIndex))
                w.Output(presentOutput, w.Op("Identity", present));
            return present;
        }

        /// <summary>The additive bias [.., q, total]: attn_mask, causal mask, window and key padding.</summary>
        private string Bias(string presentKey, string minusOne1D)
        {
            _totalLength = Shape(presentKey, -2, -1);
            string biasShape = Concat(_qLength, _totalLength);
            _negativeInfinity = w.Constant(Tensor.FromArray([float.NegativeInfinity], 1));
            _zeroFloat = w.Constant(Tensor.FromArray([0f], 1));
            string bias;
            if (context.HasInput(3))
            {
                string mask = context.InputElementType(3) == DataType.Bool
                    ? w.Op("Where", "attn_mask", _zeroFloat, _negativeInfinity)
                    : w.Op("Identity", "attn_mask");
                if (version >= 24)
                {
                    // A mask shorter than the keys leaves the missing keys out.
                    string missing = w.Op("Sub", _totalLength, w.Op("Shape", ["attn_mask"], Attribute.Create("start", -1L)));
                    bias = w.Op("Pad", mask, Concat(_zero, missing), w.Op("CastLike", _negativeInfinity, mask), minusOne1D);
                }
                else
                {
                    bias = w.Op("Identity", mask);
                }
            }
            else
            {
                bias = w.Op("ConstantOfShape", biasShape);
            }
            bias = _causal ? w.Op("Add", bias, CausalMask(biasShape, bias)) : w.Op("Identity", bias);
            if (version >= 25)
                bias = _left >= 0 || _right >= 0 ? w.Op("Add", bias, WindowMask(bias)) : w.Op("Identity", bias);
            if (version >= 24)
                bias = HasNonPadLengths ? w.Op("Add", bias, PaddingMask(bias)) : w.Op("Identity", bias);
            return bias;
        }

        /// <summary>-inf where key j lies after query i: j &gt; i + past length (or + nonpad_kv_seqlen - q per batch for a static cache).</summary>
        private string CausalMask(string biasShape, string bias)
        {
            string zero = w.Ints(0), one = w.Ints(1);
            string zeroScalar = w.Op("Squeeze", zero, zero), oneScalar = w.Op("Squeeze", one, zero);
            string queries = w.Op("Gather", biasShape, zeroScalar), keys = w.Op("Gather", biasShape, oneScalar);
            string rows = w.Op("Unsqueeze", w.Op("Range", zeroScalar, queries, oneScalar), one);
            string columns = w.Op("Unsqueeze", w.Op("Range", zeroScalar, keys, oneScalar), zero);
            string future;
            if (ExternalCache)
            {
                string leading = w.Ints(0, 1), trailing = w.Ints(1, 2, 3);
                string rows4D = w.Op("Unsqueeze", rows, leading), columns4D = w.Op("Unsqueeze", columns, leading);
                future = w.Op("Less", w.Op("Add", rows4D, w.Op("Unsqueeze", _causalOffset, trailing)), columns4D);
            }
            else
            {
                future = w.Op("Less", w.Op("Add", rows, _pastLength), columns);
            }
            string mask = w.Op("Where", future, _negativeInfinity, _zeroFloat);
            return version >= 25 ? w.Op("CastLike", mask, bias) : mask;
        }

        /// <summary>-inf where key j is more than left_window_size before or right_window_size after query i's position.</summary>
        private string WindowMask(string bias)
        {
            string zero = w.Ints(0), one = w.Ints(1);
            string zeroScalar = w.Op("Squeeze", zero, zero), oneScalar = w.Op("Squeeze", one, zero);
            string rows = w.Op("Range", zeroScalar, w.Op("Squeeze", _qLength, zero), oneScalar);
            string columns = w.Op("Range", zeroScalar, w.Op("Squeeze", _totalLength, zero), oneScalar);
            string left = _left >= 0 ? w.Op("Squeeze", w.Ints(_left), zero) : "";
            string right = _right >= 0 ? w.Op("Squeeze", w.Ints(_right), zero) : "";
            string distance;
            if (ExternalCache)
            {
                string offset = w.Op("Sub", "nonpad_kv_seqlen", _qLength);
                string trailing = w.Ints(1, 2, 3), leading = w.Ints(0, 1);
                string offset4D = w.Op("Unsqueeze", offset, trailing);
                string rows4D = w.Op("Unsqueeze", w.Op("Unsqueeze", rows, one), leading);
                string columns4D = w.Op("Unsqueeze", w.Op("Unsqueeze", columns, zero), leading);
                distance = w.Op("Sub", w.Op("Add", rows4D, offset4D), columns4D);
            }
            else
            {
                string rows2D = w.Op("Unsqueeze", rows, one), columns2D = w.Op("Unsqueeze", columns, zero);
                distance = w.Op("Sub", w.Op("Add", rows2D, _pastLength), columns2D);
            }
            string RightOk() => w.Op("LessOrEqual", w.Op("Neg", distance), right);
            string inside = (_left >= 0, _right >= 0) switch
            {
                (true, true) => w.Op("And", w.Op("LessOrEqual", distance, left), RightOk()),
                (true, false) => w.Op("LessOrEqual", distance, left),
                _ => RightOk(),
            };
            return w.Op("CastLike", w.Op("Where", inside, _zeroFloat, _negativeInfinity), bias);
        }

        /// <summary>-inf for the keys at or after nonpad_kv_seqlen[b], as [B, 1, 1, keys].</summary>
        private string PaddingMask(string bias)
        {
            string lengths = w.Op("Unsqueeze", "nonpad_kv_seqlen", _one);
            string positions = w.Op("Range", w.Scalar(0L), w.Op("Squeeze", _kvLength), w.Scalar(1L));
            string masked = w.Op("Where", w.Op("Less", positions, lengths), _zeroFloat, _negativeInfinity);
            string mask = w.Op("Unsqueeze", w.Op("Unsqueeze", masked, _one), _one);
            return version >= 25 ? w.Op("CastLike", mask, bias) : mask;
        }

        /// <summary>Keys and values with each kv head repeated q_num_heads / kv_num_heads times (once when that does not divide).</summary>
        private string[] RepeatKvHeads(string keys, string values, string qHeads, string kvHeads, string keySize, string valueSize)
        {
            string grouped = w.Op("And", w.Op("Not", w.Op("Equal", qHeads, kvHeads)), w.Op("Equal", w.Op("Mod", qHeads, kvHeads), _zero));
            string ratio = w.Cast(w.Op("Div", qHeads, kvHeads), DataType.Int64);
            string repeats = w.Op("Where", grouped, ratio, _one);
            string two = w.Ints(2);
            string keysU = w.Op("Unsqueeze", keys, two), valuesU = w.Op("Unsqueeze", values, two);
            string keysE = w.Op("Expand", keysU, Concat(_batch, kvHeads, repeats, _totalLength, keySize));
            string valuesE = w.Op("Expand", valuesU, Concat(_batch, kvHeads, repeats, _totalLength, valueSize));
            return
            [
                w.Op("Reshape", keysE, Concat(_batch, qHeads, _totalLength, keySize)),
                w.Op("Reshape", valuesE, Concat(_batch, qHeads, _totalLength, valueSize)),
            ];
        }

        private string Shape(string value, long start, long end) =>
            w.Op("Shape", [value], Attribute.Create("start", start), Attribute.Create("end", end));

        private string Concat(params string[] parts) => w.Op("Concat", parts, Attribute.Create("axis", 0L));

        private string SwapHeadsAndSequence(string value) => w.Op("Transpose", [value], Attribute.Create("perm", new[] { 0L, 2, 1, 3 }));
    }
}
