// Opt-in bf16 products (LSTM_ANOMALY_BF16=1): the AVX-512 build's matrix products with their operands rounded to
// bf16 (round to nearest even) and multiplied by vdpbf16ps (_mm512_dpbf16_ps: 16 lanes, each adding two bf16
// products to an fp32 sum), twice the multiply-adds per instruction of an fp32 fused multiply-add. Included by
// kernels-native.c after kernels-avx512.h and compiled for avx512_bf16 by target attribute; the glue hands this
// table out only when the CPU reports avx512bf16 as well as the AVX-512 build's features.
//
// NOT the same bits as the other builds (each product of C rounds both operands to 8 significant bits; the sums
// stay fp32, two k steps per instruction): kernels.test.ts bounds the error instead. Only the four products
// differ from the avx512 table; the cell, Adam, transposes, row sums and dropout masks are the avx512 ones.
//
// Layout: vdpbf16ps multiplies pairs of k. B (K x N) is packed as panels of 32 columns (the last one 16 when
// N % 32 = 16), each (K / 2) rows of 32 dwords, dword c of row p holding B[2p][j + c] in its low half and
// B[2p + 1][j + c] in its high half. A row of A [M, K] in bf16 already holds its pairs in k order; A^T of a
// gemm_tn (A stored [K, M]) is interleaved the same way as B. Shapes with K odd or N % 16 != 0 take the fp32
// AVX-512 kernels (the model's products are all even in K and multiples of 16 in N, except its N = 1 output).
#include <stdlib.h>
#ifdef __clang__
#pragma clang attribute push(__attribute__((target("sse4.1,avx,avx2,fma,avx512f,avx512vl,avx512bw,avx512bf16"))), apply_to = function)
#else
#pragma GCC push_options
#pragma GCC target("sse4.1,avx,avx2,fma,avx512f,avx512vl,avx512bw,avx512bf16")
#endif

static inline int bf16_shape(int K, int N) { return K > 0 && K % 2 == 0 && N % 16 == 0; }

// A per-thread scratch buffer of at least n dwords, 64-byte aligned (the engine's worker threads each call the
// addon from their own thread). Grown, never shrunk or freed: a few hundred KiB a thread at the model's shapes.
static __thread uint32_t* bf16_buf[2];
static __thread size_t bf16_cap[2];
static uint32_t* scratch(int which, size_t n) {
  if (bf16_cap[which] < n) {
    free(bf16_buf[which]);
    const size_t bytes = (n * 4 + 63) & ~(size_t)63;
    bf16_buf[which] = (uint32_t*)aligned_alloc(64, bytes);
    bf16_cap[which] = bf16_buf[which] ? n : 0;
  }
  return bf16_buf[which];
}

// out[c] = bf16(r0[c]) | bf16(r1[c]) << 16 for c < n (n = 1..16); r1 null: a high half of 0.
static inline void pair16(const float* r0, const float* r1, int n, uint32_t* out) {
  const __mmask16 m = n >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << n) - 1);
  const __m512 lo = _mm512_maskz_loadu_ps(m, r0), hi = r1 ? _mm512_maskz_loadu_ps(m, r1) : _mm512_setzero_ps();
  // cvtne2ps_pbh(hi, lo): words 0-15 = bf16(lo), 16-31 = bf16(hi); interleave them into dwords.
  const __m512i idx = _mm512_set_epi16(31, 15, 30, 14, 29, 13, 28, 12, 27, 11, 26, 10, 25, 9, 24, 8, 23, 7, 22, 6, 21,
                                       5, 20, 4, 19, 3, 18, 2, 17, 1, 16, 0);
  const __m512i x = _mm512_permutexvar_epi16(idx, (__m512i)_mm512_cvtne2ps_pbh(hi, lo));
  _mm512_mask_storeu_epi32(out, m, x);
}

// Bp = B [K, N] as pair panels (see the top of this file); K even, N a multiple of 16.
static void pack_pairs(int K, int N, const float* B, int ldb, uint32_t* Bp) {
  const int Kp = K / 2;
  for (int j = 0; j < N; j += 32) {
    const int w = N - j >= 32 ? 32 : 16;
    uint32_t* d = Bp + (size_t)j * Kp;
    for (int p = 0; p < Kp; p++) {
      const float* r0 = B + (size_t)(2 * p) * ldb + j;
      pair16(r0, r0 + ldb, 16, d + p * w);
      if (w == 32) pair16(r0 + 16, r0 + ldb + 16, 16, d + p * w + 16);
    }
  }
}

// Ap[i Kp + p] = the pair (A[i][2p], A[i][2p + 1]) for A [M, K] (K even): each row rounded to bf16 in k order.
static void pairs_nn(int M, int K, const float* A, int lda, uint32_t* Ap) {
  const int Kp = K / 2;
  for (int i = 0; i < M; i++) {
    const float* a = A + (size_t)i * lda;
    uint32_t* d = Ap + (size_t)i * Kp;
    int k = 0;
    for (; k + 32 <= K; k += 32)
      _mm512_storeu_si512(d + k / 2, (__m512i)_mm512_cvtne2ps_pbh(_mm512_loadu_ps(a + k + 16), _mm512_loadu_ps(a + k)));
    if (k < K) {
      const int r = K - k;  // 2..30, even
      const __mmask16 mlo = (__mmask16)(r >= 16 ? 0xFFFF : (1u << r) - 1);
      const __mmask16 mhi = (__mmask16)(r > 16 ? (1u << (r - 16)) - 1 : 0);
      const __m512i x = (__m512i)_mm512_cvtne2ps_pbh(_mm512_maskz_loadu_ps(mhi, a + k + 16), _mm512_maskz_loadu_ps(mlo, a + k));
      _mm512_mask_storeu_epi32(d + k / 2, (__mmask16)((1u << (r / 2)) - 1), x);
    }
  }
}

// Ap[p M + i] = the pair (A[2p][i], A[2p + 1][i]) for A stored [K, M] (gemm_tn's A^T; K even).
static void pairs_tn(int M, int K, const float* A, int lda, uint32_t* Ap) {
  for (int p = 0; p < K / 2; p++) {
    const float* r0 = A + (size_t)(2 * p) * lda;
    for (int i = 0; i < M; i += 16) pair16(r0 + i, r0 + lda + i, M - i < 16 ? M - i : 16, Ap + (size_t)p * M + i);
  }
}

// A tile of MR rows (1..8) by NV vectors (1..2) of 16 columns over Kp pairs: pair (i, p) of A at Ap[i sa + p ta],
// row p of the panel at Bp + p w. With `acc` the sums continue those in C.
ALWAYS_INLINE void tile_bf16(int MR, int NV, int acc, int Kp, const uint32_t* Ap, int sa, int ta, const uint32_t* Bp,
                             int w, float* C, int ldc) {
  z c[8][2];
  for (int i = 0; i < MR; i++)
    for (int j = 0; j < NV; j++) c[i][j] = acc ? _mm512_loadu_ps(C + i * ldc + 16 * j) : _mm512_setzero_ps();
  for (int p = 0; p < Kp; p++) {
    const __m512bh b0 = (__m512bh)_mm512_loadu_si512(Bp + p * w);
    const __m512bh b1 = NV > 1 ? (__m512bh)_mm512_loadu_si512(Bp + p * w + 16) : b0;
    const uint32_t* a = Ap + p * ta;
    for (int i = 0; i < MR; i++) {
      const __m512bh ai = (__m512bh)_mm512_set1_epi32((int)a[i * sa]);
      c[i][0] = _mm512_dpbf16_ps(c[i][0], ai, b0);
      if (NV > 1) c[i][1] = _mm512_dpbf16_ps(c[i][1], ai, b1);
    }
  }
  for (int i = 0; i < MR; i++)
    for (int j = 0; j < NV; j++) _mm512_storeu_ps(C + i * ldc + 16 * j, c[i][j]);
}

// C [M, N] (+)= the pairs Ap times the pair panels Bp, over pairs p0 .. p0 + kp - 1 of Kp (k blocks continue the
// sums in C). tn: Ap is [Kp, M] (sa 1, ta M), else [M, Kp].
static void gemm_pairs(int tn, int acc, int M, int N, int Kp, int p0, int kp, const uint32_t* Ap, const uint32_t* Bp,
                       float* C, int ldc) {
  const int sa = tn ? 1 : Kp, ta = tn ? M : 1;
  for (int j = 0; j < N; j += 32) {
    const int w = N - j >= 32 ? 32 : 16;
    const uint32_t* b = Bp + (size_t)j * Kp + (size_t)p0 * w;
    if (w == 32)
      ROW_TILES16(M, tile_bf16(MR, 2, acc, kp, Ap + (size_t)m * sa + (size_t)p0 * ta, sa, ta, b, 32, C + m * ldc + j, ldc))
    else
      ROW_TILES16(M, tile_bf16(MR, 1, acc, kp, Ap + (size_t)m * sa + (size_t)p0 * ta, sa, ta, b, 16, C + m * ldc + j, ldc))
  }
}

// Pairs of k per block: a block of a 32-column panel (PKP x 32 dwords, 16 KiB) stays in L1 for every row tile.
enum { PKP = 128 };

static void gemm_nn_bf16(int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) {
  uint32_t *Ap, *Bp;
  if (!bf16_shape(K, N) || !(Ap = scratch(0, (size_t)M * K / 2)) || !(Bp = scratch(1, (size_t)K / 2 * N))) {
    gemm_nn_512(M, N, K, A, lda, B, ldb, C, ldc);
    return;
  }
  pairs_nn(M, K, A, lda, Ap);
  pack_pairs(K, N, B, ldb, Bp);
  gemm_pairs(0, 0, M, N, K / 2, 0, K / 2, Ap, Bp, C, ldc);
}

// The packed weights: pair panels of bf16 in the provider's panel buffer (K x N floats; the pairs take half).
static void pack_panels_bf16(int K, int N, const float* B, int ldb, float* Bp) {
  if (!bf16_shape(K, N)) pack_panels_512(K, N, B, ldb, Bp);
  else pack_pairs(K, N, B, ldb, (uint32_t*)Bp);
}

static void gemm_nn_packed_bf16(int M, int N, int K, const float* A, int lda, const float* Bp, float* C, int ldc) {
  uint32_t* Ap;
  if (!bf16_shape(K, N)) {
    gemm_nn_packed_512(M, N, K, A, lda, Bp, C, ldc);
    return;
  }
  if (!(Ap = scratch(0, (size_t)M * K / 2))) {
    // No memory for A's pairs (never in practice): one row at a time from the stack.
    uint32_t row[K / 2];
    for (int i = 0; i < M; i++) {
      pairs_nn(1, K, A + (size_t)i * lda, lda, row);
      gemm_pairs(0, 0, 1, N, K / 2, 0, K / 2, row, (const uint32_t*)Bp, C + (size_t)i * ldc, ldc);
    }
    return;
  }
  pairs_nn(M, K, A, lda, Ap);
  gemm_pairs(0, 0, M, N, K / 2, 0, K / 2, Ap, (const uint32_t*)Bp, C, ldc);
}

static void gemm_tn_bf16(int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc, float* W) {
  uint32_t *Ap, *Bp;
  if (!bf16_shape(K, N) || !(Ap = scratch(0, (size_t)M * K / 2)) || !(Bp = scratch(1, (size_t)K / 2 * N))) {
    gemm_tn_512(M, N, K, A, lda, B, ldb, C, ldc, W);
    return;
  }
  pairs_tn(M, K, A, lda, Ap);
  pack_pairs(K, N, B, ldb, Bp);
  const int Kp = K / 2;
  for (int p0 = 0; p0 < Kp; p0 += PKP) gemm_pairs(1, p0 > 0, M, N, Kp, p0, Kp - p0 < PKP ? Kp - p0 : PKP, Ap, Bp, C, ldc);
}
#ifdef __clang__
#pragma clang attribute pop
#else
#pragma GCC pop_options
#endif
