// The engine's kernels compiled natively for x86-64, loaded by Node as an addon (Node-API): one file, two builds
// of the products (AVX2 + FMA, 8 floats wide, here; AVX-512, 16 wide, in kernels-avx512.h, by target attribute),
// picked at load from what the CPU reports (see NAPI_MODULE_INIT in kernels-napi.h, the Node-API glue, whose
// wrappers come from the one list of the kernels, kernels-list.h).
//
// Built at install by scripts/build-native.js (any C compiler: gcc or clang; no node-gyp) into
// build/kernels-native.node; where that fails the engine keeps its WebAssembly kernels. It works in place on
// the tfjs wasm backend's memory, as the wasm build does: every pointer argument is a byte offset into that
// memory (0: null) and the first argument is the memory's base address.
//
// Same bits as the relaxed wasm build (wasm-simd-fma): transposes, row sums and dropout masks are kernels.c
// itself, through wasm-shim.h; the cell and Adam are kernels-wide.h, which kernels.c includes at 4 lanes, here
// at 8 (and kernels-avx512.h at 16); the products below are 8 floats wide where kernels.c is 4, but
// each value of C is still one chain of fused multiply-adds in k order, which is all its bits depend on (the
// tiles and the scalar column of kernels.c are shared; its blocked products are replaced).
// Compile with -ffp-contract=off: no other product and sum may be fused.
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <node_api.h>

// Only the kernels use AVX2 and FMA (AVX-512: kernels-avx512.h); the glue below (which checks the CPU has them)
// is plain x86-64.
#ifdef __clang__
#pragma clang attribute push(__attribute__((target("sse4.1,avx,avx2,fma"))), apply_to = function)
#else
#pragma GCC push_options
#pragma GCC target("sse4.1,avx,avx2,fma")
#endif
#include "wasm-shim.h"
#define KERNELS_NATIVE
#define RELAXED_SIMD
#include "kernels.c"

typedef __m256 w;

// Lanes 0..n-1 (n = 1..8): a mask of the lanes below n (a masked lane is neither read nor written).
static inline __m256i lanes8(int n) { return _mm256_cmpgt_epi32(_mm256_set1_epi32(n), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7)); }

// A tile of MR rows (1..6) by NV vectors (1..2) of 8 columns; as tile() in kernels.c (tn: A stored [K, M]).
// NL (1..8): the columns of C of the last vector (the others, padding of a packed panel, are neither read nor
// written).
ALWAYS_INLINE void tile8n(int MR, int NV, int NL, int tn, int acc, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) {
  w c[6][2];
  const __m256i mask = lanes8(NL);
  for (int i = 0; i < MR; i++)
    for (int j = 0; j < NV; j++) {
      float* ci = C + i * ldc + 8 * j;
      c[i][j] = !acc ? _mm256_setzero_ps() : j == NV - 1 && NL < 8 ? _mm256_maskload_ps(ci, mask) : _mm256_loadu_ps(ci);
    }
  const int s = tn ? 1 : lda, t = tn ? lda : 1;
  for (int k = 0; k < K; k++) {
    const float* a = A + k * t;
    const w b0 = _mm256_loadu_ps(B + k * ldb);
    const w b1 = NV > 1 ? _mm256_loadu_ps(B + k * ldb + 8) : b0;
    for (int i = 0; i < MR; i++) {
      const w ai = _mm256_broadcast_ss(a + i * s);
      c[i][0] = _mm256_fmadd_ps(ai, b0, c[i][0]);
      if (NV > 1) c[i][1] = _mm256_fmadd_ps(ai, b1, c[i][1]);
    }
  }
  for (int i = 0; i < MR; i++)
    for (int j = 0; j < NV; j++) {
      float* ci = C + i * ldc + 8 * j;
      if (j == NV - 1 && NL < 8) _mm256_maskstore_ps(ci, mask, c[i][j]);
      else _mm256_storeu_ps(ci, c[i][j]);
    }
}

ALWAYS_INLINE void tile8(int MR, int NV, int tn, int acc, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) {
  tile8n(MR, NV, 8, tn, acc, K, A, lda, B, ldb, C, ldc);
}

// One 4-wide column block of up to 6 rows (kernels.c's tile takes 4 at most; same k order). Single columns
// are kernels.c's column.
ALWAYS_INLINE void tile4(int MR, int tn, int acc, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) {
  __m128 c[6];
  for (int i = 0; i < MR; i++) c[i] = acc ? _mm_loadu_ps(C + i * ldc) : _mm_setzero_ps();
  const int s = tn ? 1 : lda, t = tn ? lda : 1;
  for (int k = 0; k < K; k++) {
    const __m128 b = _mm_loadu_ps(B + k * ldb);
    for (int i = 0; i < MR; i++) c[i] = _mm_fmadd_ps(_mm_set1_ps(A[k * t + i * s]), b, c[i]);
  }
  for (int i = 0; i < MR; i++) _mm_storeu_ps(C + i * ldc, c[i]);
}

// Rows of one row tile (MR rows), all N columns of B (unpacked, row stride ldb).
ALWAYS_INLINE void rows8(int MR, int tn, int acc, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) {
  int n = 0;
  for (; n + 16 <= N; n += 16) tile8(MR, 2, tn, acc, K, A, lda, B + n, ldb, C + n, ldc);
  for (; n + 8 <= N; n += 8) tile8(MR, 1, tn, acc, K, A, lda, B + n, ldb, C + n, ldc);
  for (; n + 4 <= N; n += 4) tile4(MR, tn, acc, K, A, lda, B + n, ldb, C + n, ldc);
  for (; n < N; n++) column(MR, tn, acc, K, A, lda, B + n, ldb, C + n, ldc);
}

// The last R = 1..5 rows of a product in one tile of R rows (BODY sees MR = R).
#define ROW_TAIL5(R, BODY)                        \
  switch (R) {                                    \
    case 5: { const int MR = 5; BODY; break; }    \
    case 4: { const int MR = 4; BODY; break; }    \
    case 3: { const int MR = 3; BODY; break; }    \
    case 2: { const int MR = 2; BODY; break; }    \
    case 1: { const int MR = 1; BODY; break; }    \
  }

// All M rows in tiles of 6, a 5-row tile, or two of 4 (7, 8) last, then the rest (the bits do not depend on the
// tiling): no tile of 1 or 2 rows (too few sums in flight to hide the latency of a fused multiply-add) unless
// M is below 3.
#define ROW_TILES(M, BODY)                                          \
  {                                                                 \
    int m = 0;                                                      \
    for (; M - m >= 9 || M - m == 6; m += 6) { const int MR = 6; BODY; } \
    for (; M - m >= 7; m += 4) { const int MR = 4; BODY; }          \
    ROW_TAIL5(M - m, BODY)                                          \
  }

enum { NB8 = 64, KB8 = 64, PM8 = 36, PKB8 = 256 };

static void gemm_narrow_256(int tn, int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C,
                            int ldc);  // kernels-wide.h: N = 1..3, lanes across rows

static void gemm8(int tn, int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) {
  if (K < 1) return;
  if (N < 4) {
    gemm_narrow_256(tn, M, N, K, A, lda, B, ldb, C, ldc);
    return;
  }
  const int kstep = M >= 64 ? KB8 : K;
  for (int k0 = 0; k0 < K; k0 += kstep) {
    const int kb = K - k0 < kstep ? K - k0 : kstep, acc = k0 > 0;
    const float* Ak = tn ? A + k0 * lda : A + k0;
    const float* Bk = B + k0 * ldb;
    for (int n0 = 0; n0 < N; n0 += NB8) {
      const int nb = N - n0 < NB8 ? N - n0 : NB8;
      ROW_TILES(M, rows8(MR, tn, acc, nb, kb, tn ? Ak + m : Ak + m * lda, lda, Bk + n0, ldb, C + m * ldc + n0, ldc))
    }
  }
}

void gemm_nn(int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) {
  gemm8(0, M, N, K, A, lda, B, ldb, C, ldc);
}

// Bp = B [K, N] as panels of 16 columns, each K x 16 and contiguous, the last one 8 wide when N % 16 is 1..8:
// Bp[j K + 16 k + c] = B[k][j + c]. When N is not a multiple of 8 the last panel's columns past N are zeros
// (Bp holds K x N rounded up to 8 floats).
void pack_panels(int K, int N, const float* B, int ldb, float* Bp) {
  int j = 0;
  for (; j + 16 <= N; j += 16) {
    float* d = Bp + j * K;
    for (int k = 0; k < K; k++) {
      _mm256_storeu_ps(d + 16 * k, _mm256_loadu_ps(B + k * ldb + j));
      _mm256_storeu_ps(d + 16 * k + 8, _mm256_loadu_ps(B + k * ldb + j + 8));
    }
  }
  const int r = N - j;
  if (r > 8) {
    const __m256i mask = lanes8(r - 8);
    for (int k = 0; k < K; k++) {
      _mm256_storeu_ps(Bp + j * K + 16 * k, _mm256_loadu_ps(B + k * ldb + j));
      _mm256_storeu_ps(Bp + j * K + 16 * k + 8, _mm256_maskload_ps(B + k * ldb + j + 8, mask));
    }
  } else if (r > 0) {
    const __m256i mask = lanes8(r);
    for (int k = 0; k < K; k++) _mm256_storeu_ps(Bp + j * K + 8 * k, _mm256_maskload_ps(B + k * ldb + j, mask));
  }
}

// The lanes of `mask` of a tile of MR rows by one vector, as column() sums them (from zero, a product then a
// sum, k in order): the last N % 4 columns of a packed product, lanes across columns (a panel's row is
// contiguous), where gemm_narrow_256 would gather A's columns.
ALWAYS_INLINE void tile8_unfused(int MR, int tn, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc, __m256i mask) {
  w c[6];
  for (int i = 0; i < MR; i++) c[i] = _mm256_setzero_ps();
  const int s = tn ? 1 : lda, t = tn ? lda : 1;
  for (int k = 0; k < K; k++) {
    const float* a = A + k * t;
    const w b = _mm256_loadu_ps(B + k * ldb);
    for (int i = 0; i < MR; i++) c[i] = _mm256_add_ps(c[i], _mm256_mul_ps(_mm256_broadcast_ss(a + i * s), b));
  }
  for (int i = 0; i < MR; i++) _mm256_maskstore_ps(C + i * ldc, mask, c[i]);
}

// All rows of C against panels packed by pack_panels (any N: the padding columns are not written). As in
// gemm_nn, the last N % 4 columns are column()'s (a product then a sum, not fused: tile8_unfused); acc (continue
// C) only where N is a multiple of 4.
ALWAYS_INLINE void rows_packed8(int tn, int acc, int M, int N, int K, const float* A, int lda, const float* Bp, float* C, int ldc) {
  int j = 0;
  for (; j + 16 <= N; j += 16) ROW_TILES(M, tile8(MR, 2, tn, acc, K, tn ? A + m : A + m * lda, lda, Bp + j * K, 16, C + m * ldc + j, ldc))
  const int r = N - j, r4 = r & ~3, P = r > 8 ? 16 : 8;
  const float* Bj = Bp + j * K;
  if (r4 == 8) ROW_TILES(M, tile8(MR, 1, tn, acc, K, tn ? A + m : A + m * lda, lda, Bj, P, C + m * ldc + j, ldc))
  else if (r4 == 12) ROW_TILES(M, tile8n(MR, 2, 4, tn, acc, K, tn ? A + m : A + m * lda, lda, Bj, 16, C + m * ldc + j, ldc))
  else if (r4 == 4) ROW_TILES(M, tile8n(MR, 1, 4, tn, acc, K, tn ? A + m : A + m * lda, lda, Bj, 8, C + m * ldc + j, ldc))
  if (r4 < r) {
    // The vector of the panel holding the tail (its first 8 columns or its second), its lanes r4 .. r - 1.
    const int vb = r4 >= 8 ? 8 : 0;
    const __m256i mask = _mm256_andnot_si256(lanes8(r4 - vb), lanes8(r - vb));
    ROW_TILES(M, tile8_unfused(MR, tn, K, tn ? A + m : A + m * lda, lda, Bj + vb, P, C + m * ldc + j + vb, ldc, mask))
  }
}

void gemm_nn_packed(int M, int N, int K, const float* A, int lda, const float* Bp, float* C, int ldc) {
  if (K < 1) return;
  for (int m0 = 0; m0 < M; m0 += PM8) {
    const int mb = M - m0 < PM8 ? M - m0 : PM8;
    rows_packed8(0, 0, mb, N, K, A + m0 * lda, lda, Bp, C + m0 * ldc, ldc);
  }
}

// Workspace blocks of gemm_tn: kb steps of k by nb columns of B (nb a multiple of 8, up to TN_NB_MAX), with
// kb nb <= TN_W, the workspace's size (GEMM_TN_WORKSPACE in exports.ts).
enum { TN_W = 256 * 64, TN_NB_MAX = 256 };

// Panel p of np's share of the next block of gemm_tn (its rows q of kn: nb floats of B, M of A), fetched into L2
// while the panel's row tiles run. B and A point at the next block's first row.
ALWAYS_INLINE void prefetch_share(int p, int np, int kn, const float* B, int ldb, int nb, const float* A, int lda, int M) {
  for (int q = p * kn / np; q < (p + 1) * kn / np; q++) {
    const char* b = (const char*)(B + q * ldb);
    for (int l = 0; l < nb * 4; l += 64) _mm_prefetch(b + l, _MM_HINT_T1);
    const char* a = (const char*)(A + q * lda);
    for (int l = 0; l < M * 4; l += 64) _mm_prefetch(a + l, _MM_HINT_T1);
  }
}

// All M rows against one panel of pack_panels, w = 8 or 16 columns (A stored [K, M]).
ALWAYS_INLINE void tn_panel8(int M, int w, int acc, int K, const float* A, int lda, const float* Wj, float* C, int ldc) {
  if (w == 16) ROW_TILES(M, tile8(MR, 2, 1, acc, K, A + m, lda, Wj, 16, C + m * ldc, ldc))
  else ROW_TILES(M, tile8(MR, 1, 1, acc, K, A + m, lda, Wj, 8, C + m * ldc, ldc))
}

#define TN_NAME gemm_tn
#define TN_PKB PKB8
#define TN_NB NB8
#define TN_PW 16
#define TN_PACK pack_panels
#define TN_ROWS_PACKED rows_packed8
#define TN_GEMM gemm8
#define TN_PANEL tn_panel8
#include "kernels-tn.h"
// ---- The cell and Adam 8 lanes wide (kernels-wide.h): kernels.c's operations lane for lane, 2x the lanes. ----
static inline w load8(const float* p, int n) { return n >= 8 ? _mm256_loadu_ps(p) : _mm256_maskload_ps(p, lanes8(n)); }
static inline void store8(float* p, w x, int n) {
  if (n >= 8) _mm256_storeu_ps(p, x);
  else _mm256_maskstore_ps(p, lanes8(n), x);
}
#define WV w
#define WL 8
#define W_KERNEL static
#define W_ADAM_TAIL adam_step
#define WNAME(f) f##_256
#define W_SET1 _mm256_set1_ps
#define W_ADD _mm256_add_ps
#define W_SUB _mm256_sub_ps
#define W_MUL _mm256_mul_ps
#define W_DIV _mm256_div_ps
#define W_SQRT _mm256_sqrt_ps
#define W_FMA _mm256_fmadd_ps
#define W_PMAX(a, b) _mm256_max_ps((b), (a))
#define W_PMIN(a, b) _mm256_min_ps((b), (a))
#define W_NEG_ABS(x) _mm256_or_ps((x), _mm256_set1_ps(-0.0f))
#define W_POW2(t) _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_add_epi32(_mm256_castps_si256(t), _mm256_set1_epi32(127 - 0x4B400000)), 23))
#define W_SEL_GE0(x, a, b) _mm256_blendv_ps((b), (a), _mm256_cmp_ps((x), _mm256_setzero_ps(), _CMP_GE_OQ))
#define W_LOAD _mm256_loadu_ps
#define W_STORE _mm256_storeu_ps
#define W_LOADN load8
#define W_STOREN store8
#define WI __m256i
#define W_INDEX(s) _mm256_mullo_epi32(_mm256_set1_epi32(s), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7))
#define W_GATHER(p, idx) _mm256_i32gather_ps((p), (idx), 4)
#include "kernels-wide.h"

// The peak at 128 and 256 bits: `n` rounds of 12 independent fused multiply-adds (16 registers: 12 sums and 2
// operands); returns a value of the sums, so that the loop stays.
#define PEAK(name, T, set1, fmadd, add, lanes)                                  \
  static double name(long long n) {                                              \
    T c[12];                                                                     \
    const T a = set1(0.999999f), b = set1(1e-7f);                                \
    for (int i = 0; i < 12; i++) c[i] = set1((float)i);                          \
    for (long long r = 0; r < n; r++)                                            \
      for (int i = 0; i < 12; i++) c[i] = fmadd(c[i], a, b);                     \
    T s = c[0];                                                                  \
    for (int i = 1; i < 12; i++) s = add(s, c[i]);                               \
    float f[lanes];                                                              \
    memcpy(f, &s, sizeof f);                                                     \
    return f[0];                                                                 \
  }
PEAK(peak_128, __m128, _mm_set1_ps, _mm_fmadd_ps, _mm_add_ps, 4)
PEAK(peak_256, __m256, _mm256_set1_ps, _mm256_fmadd_ps, _mm256_add_ps, 8)
#ifdef __clang__
#pragma clang attribute pop
#else
#pragma GCC pop_options
#endif
#include "kernels-avx512.h"
#include "kernels-avx512-bf16.h"

// The Node-API glue: one wrapper per kernel of kernels-list.h and table, base, peak, the tables at load.
#include "kernels-napi.h"
