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

// All M rows in tiles of 8, the last 9..11 in two of 5 or 6 (9: 5 + 4), then the rest (the bits do not depend on
// the tiling): no tile of 1 or 2 rows (too few sums in flight to hide the latency of a fused multiply-add) unless
// M is below 3.
#define ROW_TILES16(M, BODY)                                             \
  {                                                                      \
    int m = 0;                                                           \
    for (; M - m >= 12 || M - m == 8; m += 8) { const int MR = 8; BODY; } \
    if (M - m > 8) {                                                     \
      if (M - m == 11) { const int MR = 6; BODY; m += 6; }               \
      else { const int MR = 5; BODY; m += 5; }                           \
    }                                                                    \
    if (M - m == 7) { const int MR = 7; BODY; }                          \
    else if (M - m == 6) { const int MR = 6; BODY; }                     \
    else ROW_TAIL5(M - m, BODY)                                          \
  }

enum { NB16 = 64, KB16 = 64, PM16 = 32, PKB16 = 256 };

static void gemm_narrow_512(int tn, int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C,
                            int ldc);  // kernels-wide.h: N = 1..3, lanes across rows

static void gemm16(int tn, int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) {
  if (K < 1) return;
  if (N < 4) {
    gemm_narrow_512(tn, M, N, K, A, lda, B, ldb, C, ldc);
    return;
  }
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

// Bp = B [K, N] as panels of 32 columns, each K x 32 and contiguous, the last one 8, 16 or 24 wide (N - j rounded
// up to 8; its columns past N are zeros): Bp[j K + w k + c] = B[k][j + c], w the panel's width.
static void pack_panels_512(int K, int N, const float* B, int ldb, float* Bp) {
  int j = 0;
  for (; j + 32 <= N; j += 32) {
    float* d = Bp + j * K;
    for (int k = 0; k < K; k++) {
      _mm512_storeu_ps(d + 32 * k, _mm512_loadu_ps(B + k * ldb + j));
      _mm512_storeu_ps(d + 32 * k + 16, _mm512_loadu_ps(B + k * ldb + j + 16));
    }
  }
  const int r = N - j, w = (r + 7) & ~7;
  if (r > 0) {
    // Lanes read (the columns up to N) and lanes stored (up to the panel's width, zeros past N).
    const __mmask16 m = (__mmask16)((1u << (r < 16 ? r : 16)) - 1), m2 = (__mmask16)(r > 16 ? (1u << (r - 16)) - 1 : 0);
    const __mmask16 s = (__mmask16)((1u << (w < 16 ? w : 16)) - 1), s2 = (__mmask16)(w > 16 ? (1u << (w - 16)) - 1 : 0);
    float* d = Bp + j * K;
    for (int k = 0; k < K; k++) {
      _mm512_mask_storeu_ps(d + w * k, s, _mm512_maskz_loadu_ps(m, B + k * ldb + j));
      if (s2) _mm512_mask_storeu_ps(d + w * k + 16, s2, _mm512_maskz_loadu_ps(m2, B + k * ldb + j + 16));
    }
  }
}

// The lanes of `mask` of a tile of MR rows by one vector, as column() sums them (from zero, a product then a
// sum, k in order): the last N % 4 columns of a packed product, lanes across columns (a panel's row is
// contiguous), where gemm_narrow_512 would gather A's columns. B's lanes outside `mask` are not read.
ALWAYS_INLINE void tile16_unfused(int MR, int tn, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc,
                                  __mmask16 mask) {
  z c[8];
  for (int i = 0; i < MR; i++) c[i] = _mm512_setzero_ps();
  const int s = tn ? 1 : lda, t = tn ? lda : 1;
  for (int k = 0; k < K; k++) {
    const float* a = A + k * t;
    const z b = _mm512_maskz_loadu_ps(mask, B + k * ldb);
    for (int i = 0; i < MR; i++) c[i] = _mm512_add_ps(c[i], _mm512_mul_ps(_mm512_set1_ps(a[i * s]), b));
  }
  for (int i = 0; i < MR; i++) _mm512_mask_storeu_ps(C + i * ldc, mask, c[i]);
}

// All rows of C against panels packed by pack_panels_512 (any N: the padding columns are not written). As in
// gemm_nn_512, the last N % 4 columns are column()'s (a product then a sum, not fused: tile16_unfused); acc
// (continue C) only where N is a multiple of 4.
ALWAYS_INLINE void rows_packed16(int tn, int acc, int M, int N, int K, const float* A, int lda, const float* Bp, float* C, int ldc) {
  int j = 0;
  for (; j + 32 <= N; j += 32)
    ROW_TILES16(M, tile16(MR, 2, 0, 0, tn, acc, K, tn ? A + m : A + m * lda, lda, Bp + j * K, 32, C + m * ldc + j, ldc))
  const int r = N - j, r4 = r & ~3, P = (r + 7) & ~7;
  const float* Bj = Bp + j * K;
  if (r4 > 16)
    ROW_TILES16(M, tile16(MR, 2, 1, (__mmask16)((1u << (r4 - 16)) - 1), tn, acc, K, tn ? A + m : A + m * lda, lda, Bj, P,
                          C + m * ldc + j, ldc))
  else if (r4 == 16)
    ROW_TILES16(M, tile16(MR, 1, 0, 0, tn, acc, K, tn ? A + m : A + m * lda, lda, Bj, P, C + m * ldc + j, ldc))
  else if (r4 > 0)
    ROW_TILES16(M, tile16(MR, 1, 1, (__mmask16)((1u << r4) - 1), tn, acc, K, tn ? A + m : A + m * lda, lda, Bj, P,
                          C + m * ldc + j, ldc))
  if (r4 < r) {
    // The vector of the panel holding the tail (its first 16 columns or its second), its lanes r4 .. r - 1.
    const int vb = r4 >= 16 ? 16 : 0;
    const __mmask16 mask = (__mmask16)(((1u << (r - vb)) - 1) & ~((1u << (r4 - vb)) - 1));
    ROW_TILES16(M, tile16_unfused(MR, tn, K, tn ? A + m : A + m * lda, lda, Bj + vb, P, C + m * ldc + j + vb, ldc, mask))
  }
}

static void gemm_nn_packed_512(int M, int N, int K, const float* A, int lda, const float* Bp, float* C, int ldc) {
  if (K < 1) return;
  for (int m0 = 0; m0 < M; m0 += PM16) {
    const int mb = M - m0 < PM16 ? M - m0 : PM16;
    rows_packed16(0, 0, mb, N, K, A + m0 * lda, lda, Bp, C + m0 * ldc, ldc);
  }
}

// All M rows against one panel of pack_panels_512, w = 8, 16, 24 or 32 columns (A stored [K, M]).
ALWAYS_INLINE void tn_panel16(int M, int w, int acc, int K, const float* A, int lda, const float* Wj, float* C, int ldc) {
  if (w == 32) ROW_TILES16(M, tile16(MR, 2, 0, 0, 1, acc, K, A + m, lda, Wj, 32, C + m * ldc, ldc))
  else if (w == 24) ROW_TILES16(M, tile16(MR, 2, 1, 0xFF, 1, acc, K, A + m, lda, Wj, 24, C + m * ldc, ldc))
  else if (w == 16) ROW_TILES16(M, tile16(MR, 1, 0, 0, 1, acc, K, A + m, lda, Wj, 16, C + m * ldc, ldc))
  else ROW_TILES16(M, tile16(MR, 1, 1, 0xFF, 1, acc, K, A + m, lda, Wj, 8, C + m * ldc, ldc))
}

// The weight gradients 16 floats wide: kernels-tn.h, with panels of 32 columns.
#define TN_NAME gemm_tn_512
#define TN_PKB PKB16
#define TN_NB NB16
#define TN_PW 32
#define TN_PACK pack_panels_512
#define TN_ROWS_PACKED rows_packed16
#define TN_GEMM gemm16
#define TN_PANEL tn_panel16
#include "kernels-tn.h"

// ---- The cell and Adam 16 lanes wide (kernels-wide.h): kernels.c's operations lane for lane, 4x the lanes. ----
static inline z load16(const float* p, int n) { return n >= 16 ? _mm512_loadu_ps(p) : _mm512_maskz_loadu_ps((__mmask16)((1u << n) - 1), p); }
static inline void store16(float* p, z x, int n) {
  if (n >= 16) _mm512_storeu_ps(p, x);
  else _mm512_mask_storeu_ps(p, (__mmask16)((1u << n) - 1), x);
}
#define WV z
#define WL 16
#define W_KERNEL static
#define W_ADAM_TAIL adam_step
#define WNAME(f) f##_512
#define W_SET1 _mm512_set1_ps
#define W_ADD _mm512_add_ps
#define W_SUB _mm512_sub_ps
#define W_MUL _mm512_mul_ps
#define W_DIV _mm512_div_ps
#define W_SQRT _mm512_sqrt_ps
#define W_FMA _mm512_fmadd_ps
#define W_PMAX(a, b) _mm512_max_ps((b), (a))
#define W_PMIN(a, b) _mm512_min_ps((b), (a))
#define W_NEG_ABS(x) _mm512_castsi512_ps(_mm512_or_si512(_mm512_castps_si512(x), _mm512_set1_epi32((int)0x80000000)))
#define W_POW2(t) _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_add_epi32(_mm512_castps_si512(t), _mm512_set1_epi32(127 - 0x4B400000)), 23))
#define W_SEL_GE0(x, a, b) _mm512_mask_blend_ps(_mm512_cmp_ps_mask((x), _mm512_setzero_ps(), _CMP_GE_OQ), (b), (a))
#define W_LOAD _mm512_loadu_ps
#define W_STORE _mm512_storeu_ps
#define W_LOADN load16
#define W_STOREN store16
#define WI __m512i
#define W_INDEX(s) _mm512_mullo_epi32(_mm512_set1_epi32(s), _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15))
#define W_GATHER(p, idx) _mm512_i32gather_ps((idx), (p), 4)
#include "kernels-wide.h"

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
