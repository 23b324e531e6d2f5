using Onyx.Runtime.Compute;

namespace Onyx.Tests.Runtime.Compute;

public sealed class SgemmTests
{
    // Every path computes on any machine (Vector512 and Vector256 fall back to software); the accelerated ones are
    // the ones that matter, but checking the others too keeps the AVX-512 kernel covered on machines without it.
    public static TheoryData<string> Paths => [.. Enum.GetNames<SgemmIsa>()];

    public static TheoryData<string, bool, bool, int, int, int> Shapes()
    {
        (int M, int N, int K)[] shapes =
        [
            (1, 1, 1), (2, 3, 4), (6, 16, 1), (6, 32, 8), (7, 17, 9), (5, 33, 31), (13, 8, 2), (1, 300, 20), (300, 1, 20),
            (37, 65, 257), (241, 40, 3), (12, 3100, 5), (300, 257, 513), (29, 40, 977),
        ];
        var data = new TheoryData<string, bool, bool, int, int, int>();
        foreach (string isa in Enum.GetNames<SgemmIsa>())
        {
            foreach ((int m, int n, int k) in shapes)
            {
                foreach (bool transA in new[] { false, true })
                {
                    foreach (bool transB in new[] { false, true })
                        data.Add(isa, transA, transB, m, n, k);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_path_matches_a_double_precision_reference(string isa, bool transA, bool transB, int m, int n, int k)
    {
        var random = new Random(m * 1_000_003 + n * 1009 + k);
        var product = new Product(random, transA, transB, m, n, k, pad: 0);

        product.Run(Enum.Parse<SgemmIsa>(isa), alpha: 1, beta: 0);

        product.AssertMatchesReference();
    }

    public static TheoryData<string, bool, bool, int, int> RowShapes()
    {
        // Widths below, between and above whole vectors and blocks of eight rows, and past one 32768-column chunk of C.
        (int N, int K)[] shapes = [(1, 1), (7, 1), (33, 3), (31, 8), (65, 9), (100, 17), (257, 64), (1000, 300), (40000, 11)];
        var data = new TheoryData<string, bool, bool, int, int>();
        foreach (string isa in Enum.GetNames<SgemmIsa>())
        {
            foreach ((int n, int k) in shapes)
            {
                foreach (bool transA in new[] { false, true })
                {
                    foreach (bool transB in new[] { false, true })
                        data.Add(isa, transA, transB, n, k);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RowShapes))]
    public void One_row_products_match_a_double_precision_reference_with_alpha_and_beta(string isa, bool transA, bool transB, int n, int k)
    {
        foreach ((float alpha, float beta) in new[] { (1f, 0f), (-1.5f, 1f), (0.5f, 0.25f) })
        {
            var product = new Product(new Random(n * 31 + k), transA, transB, 1, n, k, pad: 2);

            product.Run(Enum.Parse<SgemmIsa>(isa), alpha, beta);

            product.AssertMatchesReference();
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void One_row_products_with_beta_zero_overwrite_c_without_reading_it(string isa)
    {
        foreach (bool transB in new[] { false, true })
        {
            var product = new Product(new Random(4), transA: true, transB, 1, 70, 19, pad: 1);
            product.C.AsSpan().Fill(float.NaN);

            product.Run(Enum.Parse<SgemmIsa>(isa), alpha: 0.75f, beta: 0);

            product.AssertMatchesReference();
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Alpha_beta_and_leading_dimensions_past_the_row_are_honoured(string isa)
    {
        var random = new Random(11);
        foreach ((float alpha, float beta) in new[] { (1f, 1f), (0.5f, 1f), (-1.5f, 0.25f), (2f, -1f), (0f, 0.5f) })
        {
            foreach (bool transA in new[] { false, true })
            {
                foreach (bool transB in new[] { false, true })
                {
                    var product = new Product(random, transA, transB, 29, 45, 270, pad: 3);

                    product.Run(Enum.Parse<SgemmIsa>(isa), alpha, beta);

                    product.AssertMatchesReference();
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Beta_zero_overwrites_c_without_reading_it(string isa)
    {
        var product = new Product(new Random(3), transA: false, transB: true, 14, 35, 17, pad: 2);
        product.C.AsSpan().Fill(float.NaN);

        product.Run(Enum.Parse<SgemmIsa>(isa), alpha: 0.75f, beta: 0);

        product.AssertMatchesReference();
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Empty_inner_dimension_scales_c_by_beta(string isa)
    {
        var scaled = new Product(new Random(5), transA: false, transB: false, 4, 5, 0, pad: 1);
        var cleared = new Product(new Random(5), transA: true, transB: true, 4, 5, 0, pad: 1);
        cleared.C.AsSpan().Fill(float.NaN);

        scaled.Run(Enum.Parse<SgemmIsa>(isa), alpha: 1, beta: 0.5f);
        cleared.Run(Enum.Parse<SgemmIsa>(isa), alpha: 1, beta: 0);

        scaled.AssertMatchesReference();
        cleared.AssertMatchesReference();
    }

    [Theory]
    [InlineData(64, 513, 70, 2)]
    [InlineData(300, 40, 90, 3)]
    [InlineData(1, 3000, 300, 2)]
    [InlineData(1, 70001, 13, 2)]
    [InlineData(7, 3000, 300, 4)]
    public void Products_split_over_threads_match_the_reference(int m, int n, int k, int threads)
    {
        foreach (bool transA in new[] { false, true })
        {
            foreach (bool transB in new[] { false, true })
            {
                var product = new Product(new Random(m + n + k), transA, transB, m, n, k, pad: 1);

                product.Run(Sgemm.Best, alpha: 0.5f, beta: 0.25f, threads);

                product.AssertMatchesReference();
            }
        }
    }

    [Fact]
    public void A_warm_call_allocates_nothing()
    {
        var product = new Product(new Random(9), transA: false, transB: false, 300, 257, 513, pad: 0);
        product.Run(Sgemm.Best, alpha: 1, beta: 0);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Sgemm.Multiply(false, false, 300, 257, 513, 1, product.A, 513, product.B, 257, 0, product.C, 257);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Operands_too_short_for_their_shape_are_rejected()
    {
        float[] a = new float[6], b = new float[5], c = new float[4];

        var error = Assert.Throws<ArgumentException>(() => Sgemm.Multiply(false, false, 2, 2, 3, 1, a, 3, b, 2, 0, c, 2));

        Assert.Equal("b", error.ParamName);
        Assert.Contains("3×2 matrix with leading dimension 2", error.Message);
        Assert.Throws<ArgumentException>(() => Sgemm.Multiply(false, false, 2, 2, 3, 1, a, 2, new float[6], 2, 0, c, 2));
    }

    /// <summary>Random operands stored with padded leading dimensions (padding NaN, so reading it shows) and a double reference.</summary>
    private sealed class Product
    {
        private const double FloatEpsilon = 1.0 / (1 << 23);
        private readonly bool _transA, _transB;
        private readonly int _m, _n, _k, _lda, _ldb, _ldc;
        private readonly float[] _originalC;
        private float _alpha, _beta;

        public Product(Random random, bool transA, bool transB, int m, int n, int k, int pad)
        {
            (_transA, _transB, _m, _n, _k) = (transA, transB, m, n, k);
            _lda = (transA ? m : k) + pad;
            _ldb = (transB ? k : n) + pad;
            _ldc = n + pad;
            A = Matrix(random, transA ? k : m, transA ? m : k, _lda);
            B = Matrix(random, transB ? n : k, transB ? k : n, _ldb);
            C = Matrix(random, m, n, _ldc);
            _originalC = [.. C];
        }

        public float[] A { get; }

        public float[] B { get; }

        public float[] C { get; }

        public void Run(SgemmIsa isa, float alpha, float beta, int threads = 1)
        {
            (_alpha, _beta) = (alpha, beta);
            C.CopyTo(_originalC, 0);
            Sgemm.Multiply(isa, _transA, _transB, _m, _n, _k, alpha, A, _lda, B, _ldb, beta, C, _ldc, threads);
        }

        public void AssertMatchesReference()
        {
            for (int i = 0; i < _m; i++)
            {
                for (int j = 0; j < _n; j++)
                {
                    double sum = 0, magnitude = 0;
                    for (int p = 0; p < _k; p++)
                    {
                        double term = (double)A[_transA ? p * _lda + i : i * _lda + p] * B[_transB ? j * _ldb + p : p * _ldb + j];
                        sum += term;
                        magnitude += System.Math.Abs(term);
                    }
                    double c = _originalC[i * _ldc + j];
                    double scaledC = _beta == 0 ? 0 : _beta * c;
                    double expected = _alpha * sum + scaledC;
                    double tolerance = (System.Math.Abs(_alpha) * magnitude + System.Math.Abs(scaledC)) * (_k + 2) * FloatEpsilon;
                    Assert.True(System.Math.Abs(C[i * _ldc + j] - expected) <= tolerance || (tolerance == 0 && C[i * _ldc + j] == expected),
                        $"C[{i},{j}] = {C[i * _ldc + j]}, expected {expected} ± {tolerance}");
                }
                for (int j = _n; j < _ldc && i < _m - 1; j++)
                    Assert.True(float.IsNaN(C[i * _ldc + j]), $"padding C[{i},{j}] was written");
            }
        }

        private static float[] Matrix(Random random, int rows, int columns, int leading)
        {
            var values = new float[rows == 0 ? 0 : (rows - 1) * leading + columns];
            values.AsSpan().Fill(float.NaN);
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns; c++)
                    values[r * leading + c] = random.NextSingle() * 2 - 1;
            }
            return values;
        }
    }
}
