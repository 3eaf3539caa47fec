// Fused LSTM cell kernels for the wasm engine, in WebAssembly SIMD (128-bit, 4 float lanes).
//
// Built by `npm run build:wasm` (clang --target=wasm32 -msimd128, see scripts/build-wasm.js) into
// kernels-wasm.ts. The module imports the tfjs wasm backend's memory and works in place on the engine's
// buffers (pointers are byte offsets in that memory). It must not own any memory: no static data, no stack
// (everything below is register-only; the build checks the module has no data section and never touches
// __stack_pointer).
//
// Layouts (Keras): a gate row is [i | f | g | o], each `u` wide; rows of a step are contiguous, B per step.
#ifndef KERNELS_NATIVE
#include <wasm_simd128.h>
#endif

typedef v128_t v;

static inline v splat(float x) { return wasm_f32x4_splat(x); }
static inline v add(v a, v b) { return wasm_f32x4_add(a, b); }
static inline v sub(v a, v b) { return wasm_f32x4_sub(a, b); }
static inline v mul(v a, v b) { return wasm_f32x4_mul(a, b); }
// acc + a b: one fused multiply-add with relaxed SIMD (f32x4.relaxed_madd), else a product and a sum.
#ifdef RELAXED_SIMD
// clang 14 only knows the pre-standard `f32x4.fma` opcode; scripts/build-wasm.js rewrites each one into the
// standard `f32x4.relaxed_madd` (a b + c over the same operands a, b, c), hence the operand order here.
static inline v madd(v acc, v a, v b) { return __builtin_wasm_fma_f32x4(a, b, acc); }
#else
static inline v madd(v acc, v a, v b) { return wasm_f32x4_add(acc, wasm_f32x4_mul(a, b)); }
#endif

// Lanes 0..n-1 of p (n = 1..4); the others 0. Never reads past p[n-1].
static inline v load_n(const float* p, int n) {
  if (n >= 4) return wasm_v128_load(p);
  return wasm_f32x4_make(p[0], n > 1 ? p[1] : 0.0f, n > 2 ? p[2] : 0.0f, 0.0f);
}

// Stores lanes 0..n-1 of x to p (n = 1..4). Never writes past p[n-1].
static inline void store_n(float* p, v x, int n) {
  if (n >= 4) { wasm_v128_store(p, x); return; }
  p[0] = wasm_f32x4_extract_lane(x, 0);
  if (n > 1) p[1] = wasm_f32x4_extract_lane(x, 1);
  if (n > 2) p[2] = wasm_f32x4_extract_lane(x, 2);
}

// The LSTM cell steps and Adam, here 4 lanes wide: kernels-wide.h, whose operations the native addon also builds 8
// and 16 lanes wide (the same bits). Every a b + c in them is a madd: one instruction with relaxed SIMD (a fifth off
// the forward cell step), and exactly the plain build's product-then-sum without it.
// The scalar tail of adam_step (the last n % 4 values): one value at a time, the same operations.
static inline void adam_tail(int n, float* p, const float* g1, const float* g2, float* m, float* s, float lr_t, float b1,
                             float b2, float eps) {
  for (int k = 0; k < n; k++) {
    float g = g1[k] + (g2 ? g2[k] : 0.0f);
    float mk = b1 * m[k] + (1.0f - b1) * g;
    float vk = b2 * s[k] + (1.0f - b2) * (g * g);
    m[k] = mk;
    s[k] = vk;
    p[k] -= lr_t * mk / (__builtin_sqrtf(vk) + eps);
  }
}

#define WV v
#define WL 4
#define WNAME(f) f
#define W_KERNEL
#define W_SET1 splat
#define W_ADD add
#define W_SUB sub
#define W_MUL mul
#define W_DIV wasm_f32x4_div
#define W_SQRT wasm_f32x4_sqrt
#define W_FMA(a, b, c) madd((c), (a), (b))
#define W_PMAX wasm_f32x4_pmax
#define W_PMIN wasm_f32x4_pmin
#define W_NEG_ABS(x) wasm_v128_or((x), splat(-0.0f))
#define W_POW2(t) wasm_i32x4_shl(wasm_i32x4_add((t), wasm_i32x4_splat(127 - 0x4B400000)), 23)
#define W_SEL_GE0(x, a, b) wasm_v128_bitselect((a), (b), wasm_f32x4_ge((x), splat(0.0f)))
#define W_LOAD wasm_v128_load
#define W_STORE wasm_v128_store
#define W_LOADN load_n
#define W_STOREN store_n
#define W_ADAM_TAIL adam_tail
#include "kernels-wide.h"

// d = transpose of s (s is R x C row-major, d is C x R): 4x4 blocks through lane shuffles, scalar edges.
void transpose(const float* s, float* d, int R, int C) {
  const int R4 = R & ~3, C4 = C & ~3;
  for (int r = 0; r < R4; r += 4) {
    for (int c = 0; c < C4; c += 4) {
      v a0 = wasm_v128_load(s + r * C + c), a1 = wasm_v128_load(s + (r + 1) * C + c);
      v a2 = wasm_v128_load(s + (r + 2) * C + c), a3 = wasm_v128_load(s + (r + 3) * C + c);
      v t0 = wasm_i32x4_shuffle(a0, a1, 0, 4, 1, 5), t1 = wasm_i32x4_shuffle(a2, a3, 0, 4, 1, 5);
      v t2 = wasm_i32x4_shuffle(a0, a1, 2, 6, 3, 7), t3 = wasm_i32x4_shuffle(a2, a3, 2, 6, 3, 7);
      wasm_v128_store(d + c * R + r, wasm_i64x2_shuffle(t0, t1, 0, 2));
      wasm_v128_store(d + (c + 1) * R + r, wasm_i64x2_shuffle(t0, t1, 1, 3));
      wasm_v128_store(d + (c + 2) * R + r, wasm_i64x2_shuffle(t2, t3, 0, 2));
      wasm_v128_store(d + (c + 3) * R + r, wasm_i64x2_shuffle(t2, t3, 1, 3));
    }
    for (int c = C4; c < C; c++)
      for (int k = r; k < r + 4; k++) d[c * R + k] = s[k * C + c];
  }
  for (int r = R4; r < R; r++)
    for (int c = 0; c < C; c++) d[c * R + r] = s[r * C + c];
}

// ---- Matrix products without packing: row-major operands used in place. ----
// A register tile of MR rows (1..4) by NV vectors (1..2) of 4 columns, accumulated over K in registers.
// `tn` selects C = A^T B with A stored [K, M] (weight gradients: no transpose of the activations needed);
// otherwise C = A B with A stored [M, K]. Each C value is summed in k order, whatever the tile or shape.
#define ALWAYS_INLINE static inline __attribute__((always_inline))

// With `acc` the tile continues the sums already in C (a later block of k), else it starts from zero.
ALWAYS_INLINE void tile(int MR, int NV, int tn, int acc, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) {
  // Eight named accumulators (an array would be zeroed by a memset on the stack).
  v c00 = splat(0.0f), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
  if (acc) {
    c00 = wasm_v128_load(C);
    if (NV > 1) c01 = wasm_v128_load(C + 4);
    if (MR > 1) { c10 = wasm_v128_load(C + ldc); if (NV > 1) c11 = wasm_v128_load(C + ldc + 4); }
    if (MR > 2) { c20 = wasm_v128_load(C + 2 * ldc); if (NV > 1) c21 = wasm_v128_load(C + 2 * ldc + 4); }
    if (MR > 3) { c30 = wasm_v128_load(C + 3 * ldc); if (NV > 1) c31 = wasm_v128_load(C + 3 * ldc + 4); }
  }
  const int s = tn ? 1 : lda;  // step between the rows of the tile in A
  const int t = tn ? lda : 1;  // step along k in A
  for (int k = 0; k < K; k++) {
    const float* a = A + k * t;
    v b0 = wasm_v128_load(B + k * ldb);
    v b1 = NV > 1 ? wasm_v128_load(B + k * ldb + 4) : b0;
    v a0 = wasm_v128_load32_splat(a);
    c00 = madd(c00, a0, b0);
    if (NV > 1) c01 = madd(c01, a0, b1);
    if (MR > 1) {
      v a1 = wasm_v128_load32_splat(a + s);
      c10 = madd(c10, a1, b0);
      if (NV > 1) c11 = madd(c11, a1, b1);
    }
    if (MR > 2) {
      v a2 = wasm_v128_load32_splat(a + 2 * s);
      c20 = madd(c20, a2, b0);
      if (NV > 1) c21 = madd(c21, a2, b1);
    }
    if (MR > 3) {
      v a3 = wasm_v128_load32_splat(a + 3 * s);
      c30 = madd(c30, a3, b0);
      if (NV > 1) c31 = madd(c31, a3, b1);
    }
  }
  wasm_v128_store(C, c00);
  if (NV > 1) wasm_v128_store(C + 4, c01);
  if (MR > 1) { wasm_v128_store(C + ldc, c10); if (NV > 1) wasm_v128_store(C + ldc + 4, c11); }
  if (MR > 2) { wasm_v128_store(C + 2 * ldc, c20); if (NV > 1) wasm_v128_store(C + 2 * ldc + 4, c21); }
  if (MR > 3) { wasm_v128_store(C + 3 * ldc, c30); if (NV > 1) wasm_v128_store(C + 3 * ldc + 4, c31); }
}

// Rows m0 .. m0 + MR - 1 of C against panels of B (see pack_panels): N / 8 tiles, each one panel, contiguous.
ALWAYS_INLINE void rows_packed(int MR, int tn, int acc, int N, int K, const float* A, int lda, const float* Bp, float* C, int ldc) {
  for (int j = 0; j < N; j += 8) tile(MR, 2, tn, acc, K, A, lda, Bp + j * K, 8, C + j, ldc);
}

// All rows of C against packed panels, in 4-row tiles and a 1..3-row tail.
ALWAYS_INLINE void all_rows_packed(int tn, int acc, int M, int N, int K, const float* A, int lda, const float* Bp, float* C, int ldc) {
  int m = 0;
  for (; m + 4 <= M; m += 4) rows_packed(4, tn, acc, N, K, tn ? A + m : A + m * lda, lda, Bp, C + m * ldc, ldc);
  const float* a = tn ? A + m : A + m * lda;
  switch (M - m) {
    case 3: rows_packed(3, tn, acc, N, K, a, lda, Bp, C + m * ldc, ldc); break;
    case 2: rows_packed(2, tn, acc, N, K, a, lda, Bp, C + m * ldc, ldc); break;
    case 1: rows_packed(1, tn, acc, N, K, a, lda, Bp, C + m * ldc, ldc); break;
  }
}

// One column of C (the last N % 4), scalar, same k order.
ALWAYS_INLINE void column(int M, int tn, int acc, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) {
  for (int i = 0; i < M; i++) {
    float s = acc ? C[i * ldc] : 0.0f;
    for (int k = 0; k < K; k++) s += (tn ? A[k * lda + i] : A[i * lda + k]) * B[k * ldb];
    C[i * ldc] = s;
  }
}

// Rows m0 .. m0 + MR - 1 of C, all columns.
ALWAYS_INLINE void rows(int MR, int tn, int acc, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) {
  int n = 0;
  for (; n + 8 <= N; n += 8) tile(MR, 2, tn, acc, K, A, lda, B + n, ldb, C + n, ldc);
  for (; n + 4 <= N; n += 4) tile(MR, 1, tn, acc, K, A, lda, B + n, ldb, C + n, ldc);
  for (; n < N; n++) column(MR, tn, acc, K, A, lda, B + n, ldb, C + n, ldc);
}

#ifndef KERNELS_NATIVE  // the native build (kernels-native.c) has its own, 8 floats wide
enum { NB = 64, KB = 64 };  // columns of B per block, steps of k per block (unpacked products)
enum { PM = 32, PKB = 256 };  // rows of C per block with packed weights; steps of k per packed block of gemm_tn

ALWAYS_INLINE void gemm(int tn, int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) {
  if (K < 1) return;  // the caller zero-fills (here the stores of zeros would become a call to memset)
  // Blocks of KB x NB of B (16 KB, held in L1) reused across all row tiles; the k blocks run in order and each
  // continues the sums in C, so every value is still summed in k order (the same bits as one pass over k).
  // Only for many rows: with few (a 16-row shard), reloading C per k block costs more than it saves.
  const int kstep = M >= 64 ? KB : K;
  for (int k0 = 0; k0 < K; k0 += kstep) {
    const int kb = K - k0 < kstep ? K - k0 : kstep, acc = k0 > 0;
    __builtin_assume(kb > 0);  // else clang turns the zero tiles of an empty k range into a memset call
    const float* Ak = tn ? A + k0 * lda : A + k0;
    const float* Bk = B + k0 * ldb;
    for (int n0 = 0; n0 < N; n0 += NB) {
      const int nb = N - n0 < NB ? N - n0 : NB;
      int m = 0;
      for (; m + 4 <= M; m += 4) rows(4, tn, acc, nb, kb, tn ? Ak + m : Ak + m * lda, lda, Bk + n0, ldb, C + m * ldc + n0, ldc);
      const float* a = tn ? Ak + m : Ak + m * lda;
      float* c = C + m * ldc + n0;
      switch (M - m) {
        case 3: rows(3, tn, acc, nb, kb, a, lda, Bk + n0, ldb, c, ldc); break;
        case 2: rows(2, tn, acc, nb, kb, a, lda, Bk + n0, ldb, c, ldc); break;
        case 1: rows(1, tn, acc, nb, kb, a, lda, Bk + n0, ldb, c, ldc); break;
      }
    }
  }
}

// C [M, N] = A [M, K] x B [K, N] (row strides lda, ldb, ldc in floats).
void gemm_nn(int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) {
  gemm(0, M, N, K, A, lda, B, ldb, C, ldc);
}

// Bp = B [K, N] (N a multiple of 8) as panels of 8 columns, each K x 8 and contiguous: Bp[j K + 8 k + c] =
// B[k][j + c]. A panel is read straight through, and stays in L1 for every row tile, where the rows of B (a
// power-of-two stride apart) would compete for a few cache sets.
void pack_panels(int K, int N, const float* B, int ldb, float* Bp) {
  for (int j = 0; j < N; j += 8) {
    float* d = Bp + j * K;
    for (int k = 0; k < K; k++) {
      wasm_v128_store(d + 8 * k, wasm_v128_load(B + k * ldb + j));
      wasm_v128_store(d + 8 * k + 4, wasm_v128_load(B + k * ldb + j + 4));
    }
  }
}

// C [M, N] = A [M, K] x B with B packed by pack_panels (N a multiple of 8): the same sums, in the same k order,
// as gemm_nn. Blocks of PM rows, so that A's block stays in cache while every panel passes.
void gemm_nn_packed(int M, int N, int K, const float* A, int lda, const float* Bp, float* C, int ldc) {
  if (K < 1) return;  // the caller zero-fills
  for (int m0 = 0; m0 < M; m0 += PM) {
    const int mb = M - m0 < PM ? M - m0 : PM;
    for (int j = 0; j < N; j += 8) all_rows_packed(0, 0, mb, 8, K, A + m0 * lda, lda, Bp + j * K, C + m0 * ldc + j, ldc);
  }
}

// C [M, N] = A^T x B with A stored [K, M] and B [K, N] (weight gradients: activations^T x gate gradients). With
// a workspace W of PKB x NB floats and many rows (M >= 64), each PKB x NB block of B is packed into W first and
// the tiles continue the sums block after block (same k order, same bits as without W); else unpacked.
void gemm_tn(int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc, float* W) {
  if (!W || M < 64) {
    gemm(1, M, N, K, A, lda, B, ldb, C, ldc);
    return;
  }
  const int N8 = N & ~7;
  for (int k0 = 0; k0 < K; k0 += PKB) {
    const int kb = K - k0 < PKB ? K - k0 : PKB, acc = k0 > 0;
    __builtin_assume(kb > 0);
    for (int n0 = 0; n0 < N8; n0 += NB) {
      const int nb = N8 - n0 < NB ? N8 - n0 : NB;
      pack_panels(kb, nb, B + k0 * ldb + n0, ldb, W);
      all_rows_packed(1, acc, M, nb, kb, A + k0 * lda, lda, W, C + n0, ldc);
    }
  }
  // The last N % 8 columns, unpacked (their own k order is the same).
  if (N8 < N) gemm(1, M, N - N8, K, A, lda, B + N8, ldb, C + N8, ldc);
}

#endif  // KERNELS_NATIVE

// d = a * m, element by element, over n values (the dropout masks; d may be a): one float32 product each, the
// bits of JS's Float32Array arithmetic (a double product of two floats is exact, then rounded once).
void mask_mul(int n, const float* a, const float* m, float* d) {
  int k = 0;
  for (; k + 16 <= n; k += 16) {
    v x0 = wasm_f32x4_mul(wasm_v128_load(a + k), wasm_v128_load(m + k));
    v x1 = wasm_f32x4_mul(wasm_v128_load(a + k + 4), wasm_v128_load(m + k + 4));
    v x2 = wasm_f32x4_mul(wasm_v128_load(a + k + 8), wasm_v128_load(m + k + 8));
    v x3 = wasm_f32x4_mul(wasm_v128_load(a + k + 12), wasm_v128_load(m + k + 12));
    wasm_v128_store(d + k, x0), wasm_v128_store(d + k + 4, x1), wasm_v128_store(d + k + 8, x2), wasm_v128_store(d + k + 12, x3);
  }
  for (; k + 4 <= n; k += 4) wasm_v128_store(d + k, wasm_f32x4_mul(wasm_v128_load(a + k), wasm_v128_load(m + k)));
  for (; k < n; k++) d[k] = a[k] * m[k];
}

// Copy rows of u floats: dst row r (at dst + r * ds) = src row r (at src + r * ss), r < rows. Joins a
// bidirectional layer's two directions into rows of 2u values and splits them (engine/bidirectional.ts); rows of
// a few dozen floats, so one loop per row, 4 lanes at a time, then the last u % 4.
void copy_rows(int rows, int u, const float* src, int ss, float* dst, int ds) {
  for (int r = 0; r < rows; r++) {
    const float* a = src + (long)r * ss;
    float* d = dst + (long)r * ds;
    int j = 0;
    for (; j + 4 <= u; j += 4) wasm_v128_store(d + j, wasm_v128_load(a + j));
    for (; j < u; j++) d[j] = a[j];
  }
}

// Lanes 0 .. n-1 of x (n = 1..4) to p[0], p[stride], p[2 stride], ...
static inline void scatter_n(float* p, int stride, v x, int n) {
  p[0] = wasm_f32x4_extract_lane(x, 0);
  if (n > 1) p[stride] = wasm_f32x4_extract_lane(x, 1);
  if (n > 2) p[2 * stride] = wasm_f32x4_extract_lane(x, 2);
  if (n > 3) p[3 * stride] = wasm_f32x4_extract_lane(x, 3);
}

// ---- Dropout masks: the same numbers as dropoutMasks in dropout.ts (murmur-mixed seeds, mulberry32). ----
static inline unsigned mix(unsigned h, unsigned p) {
  h = (h ^ p) * 0x01000193u;
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  h ^= h >> 16;
  return h;
}

// Four rows' generators side by side (one per lane): the next 32-bit draw of each.
static inline v next4(v* state) {
  v s = *state = wasm_i32x4_add(*state, wasm_i32x4_splat(0x6d2b79f5));
  v t = wasm_i32x4_mul(wasm_v128_xor(s, wasm_u32x4_shr(s, 15)), wasm_v128_or(s, wasm_i32x4_splat(1)));
  t = wasm_v128_xor(t, wasm_i32x4_add(t, wasm_i32x4_mul(wasm_v128_xor(t, wasm_u32x4_shr(t, 7)), wasm_v128_or(t, wasm_i32x4_splat(61)))));
  return wasm_v128_xor(t, wasm_u32x4_shr(t, 14));
}

// Masks of rows row0 .. row0 + B - 1 of training step `step`: each row draws from its own generator, seeded
// mix(mix(mix(0x811c9dc5, seed), step), row) ^ 0x9e3779b9, first its u_last encoder values, then u_first per
// step; a value is kept (set to `keep`) when its draw, as a fraction of 2^32, is at least the rate, i.e. when
// the draw is at least `thr` = ceil(rate 2^32). enc is [B, u_last], dec time-major [T*B, u_first].
void dropout_masks(int seed, int step, int row0, int B, int T, int u_last, int u_first, unsigned thr, float keep,
                   float* enc, float* dec) {
  const v K = splat(keep), TH = wasm_i32x4_splat((int)thr);
  for (int b0 = 0; b0 < B; b0 += 4) {
    const int nb = B - b0 < 4 ? B - b0 : 4;
    const unsigned h = mix(mix(0x811c9dc5u, (unsigned)seed), (unsigned)step), r = (unsigned)(row0 + b0);
    v state = wasm_u32x4_make(mix(h, r) ^ 0x9e3779b9u, mix(h, r + 1) ^ 0x9e3779b9u, mix(h, r + 2) ^ 0x9e3779b9u, mix(h, r + 3) ^ 0x9e3779b9u);
    for (int j = 0; j < u_last; j++) {
      v m = wasm_v128_and(wasm_u32x4_ge(next4(&state), TH), K);
      scatter_n(enc + b0 * u_last + j, u_last, m, nb);
    }
    for (int t = 0; t < T; t++) {
      for (int j = 0; j < u_first; j++) {
        v m = wasm_v128_and(wasm_u32x4_ge(next4(&state), TH), K);
        scatter_n(dec + (t * B + b0) * u_first + j, u_first, m, nb);
      }
    }
  }
}
