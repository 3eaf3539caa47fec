// The engine's matrix products 16 floats wide (AVX-512F), included by kernels-native.c after kernels.c and
// the AVX2 products, and compiled for AVX-512 by target attribute: the addon's glue hands these out only when
// the CPU reports avx512f, avx512vl and avx512bw (see kernels-native.c).
//
// Same bits as every other build: each value of C is one chain of fused multiply-adds in k order (the last N % 4
// columns: kernels.c's scalar column, a product then a sum, as the wasm build). A tail of 4..12 columns is one
// masked vector; a masked lane is neither read nor written.
#ifdef __clang__
#pragma clang attribute push(__attribute__((target("sse4.1,avx,avx2,fma,avx512f,avx512vl,avx512bw"))), apply_to = function)
#else
#pragma GCC push_options
#pragma GCC target("sse4.1,avx,avx2,fma,avx512f,avx512vl,avx512bw")
#endif

typedef __m512 z;

// A tile of MR rows (1..8) by NV vectors (1..2) of 16 columns; the last vector's lanes are `mask` (all 16 when
// MASKED is 0). As tile() in kernels.c; tn: A stored [K, M].
ALWAYS_INLINE void tile16(int MR, int NV, int MASKED, __mmask16 mask, int tn, int acc, int K, const float* A, int lda,
                          const float* B, int ldb, float* C, int ldc) {
  z c[8][2];
  const __mmask16 mk = MASKED ? mask : (__mmask16)0xFFFF;
  for (int i = 0; i < MR; i++)
    for (int j = 0; j < NV; j++) {
      const int last = j == NV - 1;
      c[i][j] = !acc ? _mm512_setzero_ps()
                : (MASKED && last) ? _mm512_maskz_loadu_ps(mk, C + i * ldc + 16 * j) : _mm512_loadu_ps(C + i * ldc + 16 * j);
    }
  const int s = tn ? 1 : lda, t = tn ? lda : 1;
  for (int k = 0; k < K; k++) {
    const float* a = A + k * t;
    const float* b = B + k * ldb;
    const z b0 = (MASKED && NV == 1) ? _mm512_maskz_loadu_ps(mk, b) : _mm512_loadu_ps(b);
    const z b1 = NV > 1 ? (MASKED ? _mm512_maskz_loadu_ps(mk, b + 16) : _mm512_loadu_ps(b + 16)) : b0;
    for (int i = 0; i < MR; i++) {
      const z ai = _mm512_set1_ps(a[i * s]);
      c[i][0] = _mm512_fmadd_ps(ai, b0, c[i][0]);
      if (NV > 1) c[i][1] = _mm512_fmadd_ps(ai, b1, c[i][1]);
    }
  }
  for (int i = 0; i < MR; i++)
    for (int j = 0; j < NV; j++) {
      if (MASKED && j == NV - 1) _mm512_mask_storeu_ps(C + i * ldc + 16 * j, mk, c[i][j]);
      else _mm512_storeu_ps(C + i * ldc + 16 * j, c[i][j]);
    }
}

// Rows of one row tile (MR rows), all N columns of B (unpacked, row stride ldb).
ALWAYS_INLINE void rows16(int MR, int tn, int acc, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) {
  const int N4 = N & ~3;
  int n = 0;
  for (; n + 32 <= N4; n += 32) tile16(MR, 2, 0, 0, tn, acc, K, A, lda, B + n, ldb, C + n, ldc);
  if (n + 16 < N4) tile16(MR, 2, 1, (__mmask16)((1u << (N4 - n - 16)) - 1), tn, acc, K, A, lda, B + n, ldb, C + n, ldc);
  else if (n + 16 == N4) tile16(MR, 1, 0, 0, tn, acc, K, A, lda, B + n, ldb, C + n, ldc);
  else if (n < N4) tile16(MR, 1, 1, (__mmask16)((1u << (N4 - n)) - 1), tn, acc, K, A, lda, B + n, ldb, C + n, ldc);
  for (n = N4; n < N; n++) column(MR, tn, acc, K, A, lda, B + n, ldb, C + n, ldc);
}

// All M rows in tiles of 8, then 4, then the rest.
#define ROW_TILES16(M, BODY)                                 \
  {                                                          \
    int m = 0;                                               \
    for (; m + 8 <= M; m += 8) { const int MR = 8; BODY; }   \
    for (; m + 4 <= M; m += 4) { const int MR = 4; BODY; }   \
    switch (M - m) {                                         \
      case 3: { const int MR = 3; BODY; break; }             \
      case 2: { const int MR = 2; BODY; break; }             \
      case 1: { const int MR = 1; BODY; break; }             \
    }                                                        \
  }

enum { NB16 = 64, KB16 = 64, PM16 = 32, PKB16 = 256 };

static void gemm16(int tn, int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) {
  if (K < 1) return;
  const int kstep = M >= 64 ? KB16 : K;
  for (int k0 = 0; k0 < K; k0 += kstep) {
    const int kb = K - k0 < kstep ? K - k0 : kstep, acc = k0 > 0;
    const float* Ak = tn ? A + k0 * lda : A + k0;
    const float* Bk = B + k0 * ldb;
    for (int n0 = 0; n0 < N; n0 += NB16) {
      const int nb = N - n0 < NB16 ? N - n0 : NB16;
      ROW_TILES16(M, rows16(MR, tn, acc, nb, kb, tn ? Ak + m : Ak + m * lda, lda, Bk + n0, ldb, C + m * ldc + n0, ldc))
    }
  }
}

static void gemm_nn_512(int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) {
  gemm16(0, M, N, K, A, lda, B, ldb, C, ldc);
}

// Bp = B [K, N] (N a multiple of 8) as panels of 32 columns, each K x 32 and contiguous (the last one 8, 16 or
// 24 wide): Bp[j K + w k + c] = B[k][j + c], w the panel's width.
static void pack_panels_512(int K, int N, const float* B, int ldb, float* Bp) {
  int j = 0;
  for (; j + 32 <= N; j += 32) {
    float* d = Bp + j * K;
    for (int k = 0; k < K; k++) {
      _mm512_storeu_ps(d + 32 * k, _mm512_loadu_ps(B + k * ldb + j));
      _mm512_storeu_ps(d + 32 * k + 16, _mm512_loadu_ps(B + k * ldb + j + 16));
    }
  }
  const int w = N - j;
  if (w > 0) {
    const __mmask16 m = (__mmask16)((1u << w) - 1), m2 = (__mmask16)(w > 16 ? (1u << (w - 16)) - 1 : 0);
    float* d = Bp + j * K;
    for (int k = 0; k < K; k++) {
      if (w >= 16) {
        _mm512_storeu_ps(d + w * k, _mm512_loadu_ps(B + k * ldb + j));
        if (m2) _mm512_mask_storeu_ps(d + w * k + 16, m2, _mm512_maskz_loadu_ps(m2, B + k * ldb + j + 16));
      } else {
        _mm512_mask_storeu_ps(d + w * k, m, _mm512_maskz_loadu_ps(m, B + k * ldb + j));
      }
    }
  }
}

// All rows of C against panels packed by pack_panels_512.
ALWAYS_INLINE void rows_packed16(int tn, int acc, int M, int N, int K, const float* A, int lda, const float* Bp, float* C, int ldc) {
  int j = 0;
  for (; j + 32 <= N; j += 32)
    ROW_TILES16(M, tile16(MR, 2, 0, 0, tn, acc, K, tn ? A + m : A + m * lda, lda, Bp + j * K, 32, C + m * ldc + j, ldc))
  const int w = N - j;
  const float* Bj = Bp + j * K;
  if (w == 24)
    ROW_TILES16(M, tile16(MR, 2, 1, 0xFF, tn, acc, K, tn ? A + m : A + m * lda, lda, Bj, 24, C + m * ldc + j, ldc))
  else if (w == 16)
    ROW_TILES16(M, tile16(MR, 1, 0, 0, tn, acc, K, tn ? A + m : A + m * lda, lda, Bj, 16, C + m * ldc + j, ldc))
  else if (w == 8)
    ROW_TILES16(M, tile16(MR, 1, 1, 0xFF, tn, acc, K, tn ? A + m : A + m * lda, lda, Bj, 8, C + m * ldc + j, ldc))
}

static void gemm_nn_packed_512(int M, int N, int K, const float* A, int lda, const float* Bp, float* C, int ldc) {
  if (K < 1) return;
  for (int m0 = 0; m0 < M; m0 += PM16) {
    const int mb = M - m0 < PM16 ? M - m0 : PM16;
    rows_packed16(0, 0, mb, N, K, A + m0 * lda, lda, Bp, C + m0 * ldc, ldc);
  }
}

static void gemm_tn_512(int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc, float* W) {
  if (!W || M < 64) {
    gemm16(1, M, N, K, A, lda, B, ldb, C, ldc);
    return;
  }
  const int N8 = N & ~7;
  for (int k0 = 0; k0 < K; k0 += PKB16) {
    const int kb = K - k0 < PKB16 ? K - k0 : PKB16, acc = k0 > 0;
    for (int n0 = 0; n0 < N8; n0 += NB16) {
      const int nb = N8 - n0 < NB16 ? N8 - n0 : NB16;
      pack_panels_512(kb, nb, B + k0 * ldb + n0, ldb, W);
      rows_packed16(1, acc, M, nb, kb, A + k0 * lda, lda, W, C + n0, ldc);
    }
  }
  if (N8 < N) gemm16(1, M, N - N8, K, A, lda, B + N8, ldb, C + N8, ldc);
}

// ---- The cell and Adam 16 lanes wide: kernels.c's operations lane for lane (the same bits), 4x the lanes. ----
static inline z splat16(float x) { return _mm512_set1_ps(x); }
// wasm pmax(a, b) = a < b ? b : a and pmin(a, b) = b < a ? b : a, as in wasm-shim.h.
static inline z pmax16(z a, z b) { return _mm512_max_ps(b, a); }
static inline z pmin16(z a, z b) { return _mm512_min_ps(b, a); }

// exp(x) for x <= 0: exp_neg of kernels.c (madd(acc, a, b) = a b + acc, fused).
static inline z exp_neg16(z x) {
  x = pmax16(x, splat16(-87.3f));
  const z magic = splat16(12582912.0f);
  z t = _mm512_fmadd_ps(x, splat16(1.44269504088896341f), magic);
  z n = _mm512_sub_ps(t, magic);
  z r = _mm512_fmadd_ps(n, splat16(2.12194440e-4f), _mm512_fmadd_ps(n, splat16(-0.693359375f), x));
  z p = splat16(1.9875691500e-4f);
  p = _mm512_fmadd_ps(p, r, splat16(1.3981999507e-3f));
  p = _mm512_fmadd_ps(p, r, splat16(8.3334519073e-3f));
  p = _mm512_fmadd_ps(p, r, splat16(4.1665795894e-2f));
  p = _mm512_fmadd_ps(p, r, splat16(1.6666665459e-1f));
  p = _mm512_fmadd_ps(p, r, splat16(5.0000001201e-1f));
  p = _mm512_add_ps(_mm512_fmadd_ps(_mm512_mul_ps(p, r), r, r), splat16(1.0f));
  __m512i e = _mm512_slli_epi32(_mm512_add_epi32(_mm512_castps_si512(t), _mm512_set1_epi32(127 - 0x4B400000)), 23);
  return _mm512_mul_ps(p, _mm512_castsi512_ps(e));
}

static inline z sigmoid16(z x) {
  z e = exp_neg16(_mm512_castsi512_ps(_mm512_or_si512(_mm512_castps_si512(x), _mm512_set1_epi32((int)0x80000000))));
  z r = _mm512_div_ps(splat16(1.0f), _mm512_add_ps(splat16(1.0f), e));
  return _mm512_mask_blend_ps(_mm512_cmp_ps_mask(x, splat16(0.0f), _CMP_GE_OQ), _mm512_mul_ps(e, r), r);
}

static inline z tanh16(z a) {
  z x = pmin16(pmax16(a, splat16(-7.90531110763549805f)), splat16(7.90531110763549805f));
  z x2 = _mm512_mul_ps(x, x);
  z p = splat16(-2.76076847742355e-16f);
  p = _mm512_fmadd_ps(p, x2, splat16(2.00018790482477e-13f));
  p = _mm512_fmadd_ps(p, x2, splat16(-8.60467152213735e-11f));
  p = _mm512_fmadd_ps(p, x2, splat16(5.12229709037114e-8f));
  p = _mm512_fmadd_ps(p, x2, splat16(1.48572235717979e-5f));
  p = _mm512_fmadd_ps(p, x2, splat16(6.37261928875436e-4f));
  p = _mm512_fmadd_ps(p, x2, splat16(4.89352455891786e-3f));
  p = _mm512_mul_ps(p, x);
  z q = splat16(1.19825839466702e-6f);
  q = _mm512_fmadd_ps(q, x2, splat16(1.18534705686654e-4f));
  q = _mm512_fmadd_ps(q, x2, splat16(2.26843463243900e-3f));
  q = _mm512_fmadd_ps(q, x2, splat16(4.89352518554385e-3f));
  return _mm512_div_ps(p, q);
}

// Lanes 0..n-1 (n = 1..16) of p, the others 0; and the store of those lanes (load_n, store_n of kernels.c).
static inline z load16(const float* p, int n) { return n >= 16 ? _mm512_loadu_ps(p) : _mm512_maskz_loadu_ps((__mmask16)((1u << n) - 1), p); }
static inline void store16(float* p, z x, int n) {
  if (n >= 16) _mm512_storeu_ps(p, x);
  else _mm512_mask_storeu_ps(p, (__mmask16)((1u << n) - 1), x);
}

// lstm_step_forward of kernels.c.
static void lstm_step_forward_512(int B, int u, const float* P, const float* R, const float* bias, float* A,
                                  const float* c_prev, float* c_next, float* tc, float* h) {
  const int G = 4 * u;
  for (int b = 0; b < B; b++) {
    const float* p = P + b * G;
    const float* r = R ? R + b * G : 0;
    float* a = A + b * G;
    const int s = b * u;
    for (int j = 0; j < u; j += 16) {
      const int n = u - j < 16 ? u - j : 16;
      z zi = _mm512_add_ps(load16(p + j, n), load16(bias + j, n));
      z zf = _mm512_add_ps(load16(p + u + j, n), load16(bias + u + j, n));
      z zg = _mm512_add_ps(load16(p + 2 * u + j, n), load16(bias + 2 * u + j, n));
      z zo = _mm512_add_ps(load16(p + 3 * u + j, n), load16(bias + 3 * u + j, n));
      if (r) {
        zi = _mm512_add_ps(zi, load16(r + j, n));
        zf = _mm512_add_ps(zf, load16(r + u + j, n));
        zg = _mm512_add_ps(zg, load16(r + 2 * u + j, n));
        zo = _mm512_add_ps(zo, load16(r + 3 * u + j, n));
      }
      z i = sigmoid16(zi), f = sigmoid16(zf), g = tanh16(zg), o = sigmoid16(zo);
      store16(a + j, i, n);
      store16(a + u + j, f, n);
      store16(a + 2 * u + j, g, n);
      store16(a + 3 * u + j, o, n);
      z c = _mm512_add_ps(_mm512_mul_ps(f, load16(c_prev + s + j, n)), _mm512_mul_ps(i, g));
      store16(c_next + s + j, c, n);
      z t = tanh16(c);
      store16(tc + s + j, t, n);
      store16(h + s + j, _mm512_mul_ps(o, t), n);
    }
  }
}

// lstm_step_backward of kernels.c.
static void lstm_step_backward_512(int B, int u, int last, const float* d_out, const float* dh_next, float* dc_next,
                                   const float* A, const float* c_prev, const float* tc, float* dZ) {
  const int G = 4 * u;
  const z one = splat16(1.0f);
  for (int b = 0; b < B; b++) {
    const float* a = A + b * G;
    float* dz = dZ + b * G;
    const int s = b * u;
    for (int j = 0; j < u; j += 16) {
      const int n = u - j < 16 ? u - j : 16;
      z dh = last ? splat16(0.0f) : load16(dh_next + s + j, n);
      if (d_out) dh = _mm512_add_ps(dh, load16(d_out + s + j, n));
      z i = load16(a + j, n), f = load16(a + u + j, n), g = load16(a + 2 * u + j, n), o = load16(a + 3 * u + j, n);
      z t = load16(tc + s + j, n);
      z dc = _mm512_mul_ps(_mm512_mul_ps(dh, o), _mm512_sub_ps(one, _mm512_mul_ps(t, t)));
      if (!last) dc = _mm512_add_ps(load16(dc_next + s + j, n), dc);
      store16(dz + j, _mm512_mul_ps(_mm512_mul_ps(dc, g), _mm512_mul_ps(i, _mm512_sub_ps(one, i))), n);
      store16(dz + u + j, _mm512_mul_ps(_mm512_mul_ps(dc, load16(c_prev + s + j, n)), _mm512_mul_ps(f, _mm512_sub_ps(one, f))), n);
      store16(dz + 2 * u + j, _mm512_mul_ps(_mm512_mul_ps(dc, i), _mm512_sub_ps(one, _mm512_mul_ps(g, g))), n);
      store16(dz + 3 * u + j, _mm512_mul_ps(_mm512_mul_ps(dh, t), _mm512_mul_ps(o, _mm512_sub_ps(one, o))), n);
      store16(dc_next + s + j, _mm512_mul_ps(dc, f), n);
    }
  }
}

// adam_step of kernels.c: 16 values at a time, the rest (n % 16) by kernels.c itself.
static void adam_step_512(int n, float* p, const float* g1, const float* g2, float* m, float* s, float lr_t, float b1,
                          float b2, float eps) {
  const z B1 = splat16(b1), C1 = splat16(1.0f - b1), B2 = splat16(b2), C2 = splat16(1.0f - b2), LR = splat16(lr_t);
  const z EPS = splat16(eps);
  int k = 0;
  for (; k + 16 <= n; k += 16) {
    z g = _mm512_loadu_ps(g1 + k);
    if (g2) g = _mm512_add_ps(g, _mm512_loadu_ps(g2 + k));
    z mk = _mm512_add_ps(_mm512_mul_ps(B1, _mm512_loadu_ps(m + k)), _mm512_mul_ps(C1, g));
    z vk = _mm512_add_ps(_mm512_mul_ps(B2, _mm512_loadu_ps(s + k)), _mm512_mul_ps(C2, _mm512_mul_ps(g, g)));
    _mm512_storeu_ps(m + k, mk);
    _mm512_storeu_ps(s + k, vk);
    z step = _mm512_div_ps(_mm512_mul_ps(LR, mk), _mm512_add_ps(_mm512_sqrt_ps(vk), EPS));
    _mm512_storeu_ps(p + k, _mm512_sub_ps(_mm512_loadu_ps(p + k), step));
  }
  if (k < n) adam_step(n - k, p + k, g1 + k, g2 ? g2 + k : NULL, m + k, s + k, lr_t, b1, b2, eps);
}

// The peak: `n` rounds of 16 independent fused multiply-adds 512 bits wide (2 x 16 x 16 flops a round).
static double peak_512(long long n) {
  z c[16];
  const z a = _mm512_set1_ps(0.999999f), b = _mm512_set1_ps(1e-7f);
  for (int i = 0; i < 16; i++) c[i] = _mm512_set1_ps((float)i);
  for (long long r = 0; r < n; r++)
    for (int i = 0; i < 16; i++) c[i] = _mm512_fmadd_ps(c[i], a, b);
  z s = c[0];
  for (int i = 1; i < 16; i++) s = _mm512_add_ps(s, c[i]);
  return _mm512_reduce_add_ps(s);
}
#ifdef __clang__
#pragma clang attribute pop
#else
#pragma GCC pop_options
#endif
