// The engine's kernels compiled natively for x86-64, loaded by Node as an addon (Node-API): one file, two builds
// of the products (AVX2 + FMA, 8 floats wide, here; AVX-512, 16 wide, in kernels-avx512.h, by target attribute),
// picked at load from what the CPU reports (see NAPI_MODULE_INIT).
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

// A tile of MR rows (1..6) by NV vectors (1..2) of 8 columns; as tile() in kernels.c (tn: A stored [K, M]).
ALWAYS_INLINE void tile8(int MR, int NV, int tn, int acc, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) {
  w c[6][2];
  for (int i = 0; i < MR; i++)
    for (int j = 0; j < NV; j++) c[i][j] = acc ? _mm256_loadu_ps(C + i * ldc + 8 * j) : _mm256_setzero_ps();
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
    for (int j = 0; j < NV; j++) _mm256_storeu_ps(C + i * ldc + 8 * j, c[i][j]);
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

// All M rows in tiles of 6, then 4, then the rest (the bits do not depend on the tiling).
#define ROW_TILES(M, BODY)                                   \
  {                                                          \
    int m = 0;                                               \
    for (; m + 6 <= M; m += 6) { const int MR = 6; BODY; }   \
    for (; m + 4 <= M; m += 4) { const int MR = 4; BODY; }   \
    switch (M - m) {                                         \
      case 3: { const int MR = 3; BODY; break; }             \
      case 2: { const int MR = 2; BODY; break; }             \
      case 1: { const int MR = 1; BODY; break; }             \
    }                                                        \
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

// Bp = B [K, N] (N a multiple of 8) as panels of 16 columns, each K x 16 and contiguous (the last one 8 wide
// when N % 16 = 8): Bp[j K + 16 k + c] = B[k][j + c].
void pack_panels(int K, int N, const float* B, int ldb, float* Bp) {
  int j = 0;
  for (; j + 16 <= N; j += 16) {
    float* d = Bp + j * K;
    for (int k = 0; k < K; k++) {
      _mm256_storeu_ps(d + 16 * k, _mm256_loadu_ps(B + k * ldb + j));
      _mm256_storeu_ps(d + 16 * k + 8, _mm256_loadu_ps(B + k * ldb + j + 8));
    }
  }
  if (j < N)
    for (int k = 0; k < K; k++) _mm256_storeu_ps(Bp + j * K + 8 * k, _mm256_loadu_ps(B + k * ldb + j));
}

// All rows of C against panels packed by pack_panels.
ALWAYS_INLINE void rows_packed8(int tn, int acc, int M, int N, int K, const float* A, int lda, const float* Bp, float* C, int ldc) {
  int j = 0;
  for (; j + 16 <= N; j += 16) ROW_TILES(M, tile8(MR, 2, tn, acc, K, tn ? A + m : A + m * lda, lda, Bp + j * K, 16, C + m * ldc + j, ldc))
  if (j < N) ROW_TILES(M, tile8(MR, 1, tn, acc, K, tn ? A + m : A + m * lda, lda, Bp + j * K, 8, C + m * ldc + j, ldc))
}

void gemm_nn_packed(int M, int N, int K, const float* A, int lda, const float* Bp, float* C, int ldc) {
  if (K < 1) return;
  for (int m0 = 0; m0 < M; m0 += PM8) {
    const int mb = M - m0 < PM8 ? M - m0 : PM8;
    rows_packed8(0, 0, mb, N, K, A + m0 * lda, lda, Bp, C + m0 * ldc, ldc);
  }
}

void gemm_tn(int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc, float* W) {
  if (!W || M < 64) {
    gemm8(1, M, N, K, A, lda, B, ldb, C, ldc);
    return;
  }
  const int N8 = N & ~7;
  for (int k0 = 0; k0 < K; k0 += PKB8) {
    const int kb = K - k0 < PKB8 ? K - k0 : PKB8, acc = k0 > 0;
    for (int n0 = 0; n0 < N8; n0 += NB8) {
      const int nb = N8 - n0 < NB8 ? N8 - n0 : NB8;
      pack_panels(kb, nb, B + k0 * ldb + n0, ldb, W);
      rows_packed8(1, acc, M, nb, kb, A + k0 * lda, lda, W, C + n0, ldc);
    }
  }
  if (N8 < N) gemm8(1, M, N - N8, K, A, lda, B + N8, ldb, C + N8, ldc);
}
// ---- The cell and Adam 8 lanes wide (kernels-wide.h): kernels.c's operations lane for lane, 2x the lanes. ----
// Lanes 0..n-1 (n = 1..8): a mask of the lanes below n (a masked lane is neither read nor written).
static inline __m256i lanes8(int n) { return _mm256_cmpgt_epi32(_mm256_set1_epi32(n), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7)); }
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

// ---- Node-API glue: every kernel takes (base, ...the wasm export's arguments). ----
// One wrapper per kernel of kernels-list.h and native table (avx2, avx512, avx512bf16), generated from the list:
// each argument arrives as a double and is converted as the list says (INT, UINT, FLOAT, PTR).
#define MAXARGS 13
static int args(napi_env env, napi_callback_info info, double* a, size_t n) {
  napi_value v[MAXARGS];
  size_t argc = MAXARGS;
  if (n + 1 > MAXARGS || napi_get_cb_info(env, info, &argc, v, NULL, NULL) != napi_ok || argc != n + 1) return 0;
  for (size_t i = 0; i <= n; i++)
    if (napi_get_value_double(env, v[i], &a[i]) != napi_ok) return 0;
  return 1;
}
static napi_value fail(napi_env env) {
  napi_throw_type_error(env, NULL, "kernels-native: wrong arguments");
  return NULL;
}
// Argument k (1-based; a[0] is the memory's base address) as the list's kind: CONVERT(k, INT(x)) pastes
// CONV_ onto the kind, so the list's INT, UINT, FLOAT and PTR are never macros themselves.
#define CONVERT(k, param) CONV_##param(k)
#define CONV_INT(x) CONV_INT_
#define CONV_UINT(x) CONV_UINT_
#define CONV_FLOAT(x) CONV_FLOAT_
#define CONV_PTR(x) CONV_PTR_
#define CONV_INT_(k) ((int)a[k])
#define CONV_UINT_(k) ((unsigned)(int)a[k])
#define CONV_FLOAT_(k) ((float)a[k])
#define CONV_PTR_(k) (a[k] != 0 ? (float*)((char*)(uintptr_t)a[0] + (uint32_t)a[k]) : NULL)
#define NARGS(...) NARGS_(__VA_ARGS__, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define NARGS_(x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, n, ...) n
#define CAT(a, b) CAT_(a, b)
#define CAT_(a, b) a##b
#define CALL_ARGS(...) CAT(CALL_ARGS_, NARGS(__VA_ARGS__))(__VA_ARGS__)
#define CALL_ARGS_1(p1) CONVERT(1, p1)
#define CALL_ARGS_2(p1, p2) CALL_ARGS_1(p1), CONVERT(2, p2)
#define CALL_ARGS_3(p1, p2, p3) CALL_ARGS_2(p1, p2), CONVERT(3, p3)
#define CALL_ARGS_4(p1, p2, p3, p4) CALL_ARGS_3(p1, p2, p3), CONVERT(4, p4)
#define CALL_ARGS_5(p1, p2, p3, p4, p5) CALL_ARGS_4(p1, p2, p3, p4), CONVERT(5, p5)
#define CALL_ARGS_6(p1, p2, p3, p4, p5, p6) CALL_ARGS_5(p1, p2, p3, p4, p5), CONVERT(6, p6)
#define CALL_ARGS_7(p1, p2, p3, p4, p5, p6, p7) CALL_ARGS_6(p1, p2, p3, p4, p5, p6), CONVERT(7, p7)
#define CALL_ARGS_8(p1, p2, p3, p4, p5, p6, p7, p8) CALL_ARGS_7(p1, p2, p3, p4, p5, p6, p7), CONVERT(8, p8)
#define CALL_ARGS_9(p1, p2, p3, p4, p5, p6, p7, p8, p9) CALL_ARGS_8(p1, p2, p3, p4, p5, p6, p7, p8), CONVERT(9, p9)
#define CALL_ARGS_10(p1, p2, p3, p4, p5, p6, p7, p8, p9, p10) \
  CALL_ARGS_9(p1, p2, p3, p4, p5, p6, p7, p8, p9), CONVERT(10, p10)
#define CALL_ARGS_11(p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11) \
  CALL_ARGS_10(p1, p2, p3, p4, p5, p6, p7, p8, p9, p10), CONVERT(11, p11)
#define CALL_ARGS_12(p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12) \
  CALL_ARGS_11(p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11), CONVERT(12, p12)
// The function each table calls for a kernel of each group (see kernels-list.h).
#define IMPL_SAME_avx2(name) name
#define IMPL_SAME_avx512(name) name
#define IMPL_SAME_avx512bf16(name) name
#define IMPL_CELL_avx2(name) name##_256
#define IMPL_CELL_avx512(name) name##_512
#define IMPL_CELL_avx512bf16(name) name##_512
#define IMPL_PRODUCT_avx2(name) name
#define IMPL_PRODUCT_avx512(name) name##_512
#define IMPL_PRODUCT_avx512bf16(name) name##_bf16
#define WRAPPER(js, impl, ...)                                                  \
  static napi_value js(napi_env env, napi_callback_info info) {                \
    double a[MAXARGS];                                                          \
    if (!args(env, info, a, NARGS(__VA_ARGS__))) return fail(env);              \
    impl(CALL_ARGS(__VA_ARGS__));                                               \
    return NULL;                                                                \
  }
#define KERNEL(name, group, ...) WRAPPER(js_##name##_avx2, IMPL_##group##_avx2(name), __VA_ARGS__)
#include "kernels-list.h"
#undef KERNEL
#define KERNEL(name, group, ...) WRAPPER(js_##name##_avx512, IMPL_##group##_avx512(name), __VA_ARGS__)
#include "kernels-list.h"
#undef KERNEL
#define KERNEL(name, group, ...) WRAPPER(js_##name##_avx512bf16, IMPL_##group##_avx512bf16(name), __VA_ARGS__)
#include "kernels-list.h"
#undef KERNEL

// base(buffer): the address of an ArrayBuffer's first byte, as a number (exact: below 2^53).
static napi_value js_base(napi_env env, napi_callback_info info) {
  napi_value v[1], r;
  size_t argc = 1;
  void* data = NULL;
  size_t len = 0;
  if (napi_get_cb_info(env, info, &argc, v, NULL, NULL) != napi_ok || argc != 1 ||
      napi_get_arraybuffer_info(env, v[0], &data, &len) != napi_ok)
    return fail(env);
  napi_create_double(env, (double)(uintptr_t)data, &r);
  return r;
}

// What this CPU runs (asked once, at load, before any kernel can be called).
static int has_avx2, has_avx512, has_bf16;
// Where the peak loops' sums go (so that they are computed).
volatile double kernels_peak_sink;

// peak(bits, rounds): `rounds` rounds of independent fused multiply-adds `bits` wide (128, 256, 512), for the
// caller to time; returns the flops done. Only widths this CPU runs.
static napi_value js_peak(napi_env env, napi_callback_info info) {
  double a[3];
  napi_value v[2], r;
  size_t argc = 2;
  if (napi_get_cb_info(env, info, &argc, v, NULL, NULL) != napi_ok || argc != 2 ||
      napi_get_value_double(env, v[0], &a[0]) != napi_ok || napi_get_value_double(env, v[1], &a[1]) != napi_ok)
    return fail(env);
  const int bits = (int)a[0];
  const long long n = (long long)a[1];
  double flops = 2.0 * (double)n * (bits / 32);
  if (bits == 128 && has_avx2) kernels_peak_sink = peak_128(n), flops *= 12;
  else if (bits == 256 && has_avx2) kernels_peak_sink = peak_256(n), flops *= 12;
  else if (bits == 512 && has_avx512) kernels_peak_sink = peak_512(n), flops *= 16;
  else {
    napi_throw_range_error(env, NULL, "kernels-native: peak: this CPU has no FMA at that width");
    return NULL;
  }
  napi_create_double(env, flops, &r);
  return r;
}

typedef struct { const char* name; napi_callback fn; } fn_entry;

static void put(napi_env env, napi_value o, const fn_entry* fns, size_t n) {
  for (size_t i = 0; i < n; i++) {
    napi_value f;
    napi_create_function(env, fns[i].name, NAPI_AUTO_LENGTH, fns[i].fn, NULL, &f);
    napi_set_named_property(env, o, fns[i].name, f);
  }
}

// Exports: base, peak, builds (the kernel builds this CPU runs, best first: "avx512", "avx2") and one table of
// kernels per build it runs: avx2 (products, cell and Adam 8 wide), avx512 (products, cell and Adam 16 wide);
// the kernels of group SAME in kernels-list.h (transposes, row sums, mask products, dropout masks) are
// kernels.c's in both. A build the CPU lacks has no table, so no AVX-512 instruction is ever reached on a CPU
// without it.
NAPI_MODULE_INIT() {
  __builtin_cpu_init();
  has_avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  has_avx512 = has_avx2 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
               __builtin_cpu_supports("avx512bw");
  has_bf16 = has_avx512 && __builtin_cpu_supports("avx512bf16");
  // One table per build, every kernel of kernels-list.h in each.
#define KERNEL(name, group, ...) {#name, js_##name##_avx2},
  const fn_entry avx2[] = {
#include "kernels-list.h"
  };
#undef KERNEL
#define KERNEL(name, group, ...) {#name, js_##name##_avx512},
  const fn_entry avx512[] = {
#include "kernels-list.h"
  };
#undef KERNEL
  // The opt-in bf16 products (LSTM_ANOMALY_BF16=1): the avx512 table with its products replaced. Not a build in
  // `builds` (never picked by default); exported as `avx512bf16` only where the CPU has avx512bf16.
#define KERNEL(name, group, ...) {#name, js_##name##_avx512bf16},
  const fn_entry bf16[] = {
#include "kernels-list.h"
  };
#undef KERNEL
  const size_t nk = sizeof avx2 / sizeof avx2[0];
  napi_value f, builds, s;
  napi_create_function(env, "base", NAPI_AUTO_LENGTH, js_base, NULL, &f);
  napi_set_named_property(env, exports, "base", f);
  napi_create_function(env, "peak", NAPI_AUTO_LENGTH, js_peak, NULL, &f);
  napi_set_named_property(env, exports, "peak", f);
  napi_create_array(env, &builds);
  uint32_t nb = 0;
  for (int b = 0; b < 2; b++) {
    if (!(b == 0 ? has_avx512 : has_avx2)) continue;
    const char* name = b == 0 ? "avx512" : "avx2";
    napi_value t;
    napi_create_object(env, &t);
    put(env, t, b == 0 ? avx512 : avx2, nk);
    napi_set_named_property(env, exports, name, t);
    napi_create_string_utf8(env, name, NAPI_AUTO_LENGTH, &s);
    napi_set_element(env, builds, nb++, s);
  }
  napi_set_named_property(env, exports, "builds", builds);
  if (has_bf16) {
    napi_value t;
    napi_create_object(env, &t);
    put(env, t, bf16, nk);
    napi_set_named_property(env, exports, "avx512bf16", t);
  }
  return exports;
}
