// The LSTM cell steps, Adam and the row sums, written once for any vector width: included by kernels.c
// (WebAssembly SIMD, 4 lanes: the exported kernels themselves, and through wasm-shim.h the same 4 lanes
// natively), by kernels-native.c for AVX2 (8 lanes, names ending _256) and by kernels-avx512.h for AVX-512 (16 lanes, _512), each time after
// defining the operations below (natively, inside its target attribute). Every width runs the same operations in
// the same order, lane for lane, so every build gives the bits of the relaxed wasm build; the tail of a row is
// lanes that are neither read nor written (zero when loaded).
//
// The includer defines: WV (the vector type), WL (its lanes), WNAME(f) (f with the build's suffix), W_KERNEL (the
// kernels' linkage: empty where they are exported, static elsewhere), W_ADAM_TAIL (Adam's last n % WL values),
// W_SET1(x), W_ADD, W_SUB, W_MUL, W_DIV, W_SQRT, W_FMA(a, b, c) = a b + c (fused, or a product then a sum in
// the plain wasm build), W_PMAX, W_PMIN (wasm's pmax(a, b) = a < b ? b : a), W_NEG_ABS(x) (the sign bit set),
// W_POW2(t) (2^n from the bits of t = 1.5 * 2^23 + n), W_SEL_GE0(x, a, b) (a where x >= 0, else b; NaN: b),
// W_LOAD, W_STORE, W_LOADN(p, n), W_STOREN(p, x, n) (lanes 0..n-1; the others read as 0); and for the one-column
// products (native builds only) WI (a vector of WL int32), W_INDEX(s) (lane l holds l s), W_GATHER(p, idx) (lane
// l loads p[idx_l]).

// exp(x) for x <= 0 (Cephes expf: round(x log2 e) range reduction, degree-5 polynomial; about 1 ulp). Below -87.3
// the result is 2^-126 e^r (a normal number near 1e-38) instead of underflowing: harmless here. Rounding and the
// integer exponent come from one addition of 1.5 * 2^23 (the float then holds round(x log2 e) in its low mantissa
// bits): cheaper in V8 than f32x4.nearest and i32x4.trunc_sat.
static inline WV WNAME(exp_neg)(WV x) {
  x = W_PMAX(x, W_SET1(-87.3f));
  const WV magic = W_SET1(12582912.0f);
  WV t = W_FMA(x, W_SET1(1.44269504088896341f), magic);
  WV n = W_SUB(t, magic);
  WV r = W_FMA(n, W_SET1(2.12194440e-4f), W_FMA(n, W_SET1(-0.693359375f), x));
  WV p = W_SET1(1.9875691500e-4f);
  p = W_FMA(p, r, W_SET1(1.3981999507e-3f));
  p = W_FMA(p, r, W_SET1(8.3334519073e-3f));
  p = W_FMA(p, r, W_SET1(4.1665795894e-2f));
  p = W_FMA(p, r, W_SET1(1.6666665459e-1f));
  p = W_FMA(p, r, W_SET1(5.0000001201e-1f));
  p = W_ADD(W_FMA(W_MUL(p, r), r, r), W_SET1(1.0f));
  return W_MUL(p, W_POW2(t));
}

// Logistic sigmoid 1 / (1 + exp(-x)), accurate on both tails: with e = exp(-|x|), 1 / (1 + e) for x >= 0 and
// e / (1 + e) below.
static inline WV WNAME(sigmoid)(WV x) {
  WV e = WNAME(exp_neg)(W_NEG_ABS(x));
  WV r = W_DIV(W_SET1(1.0f), W_ADD(W_SET1(1.0f), e));
  return W_SEL_GE0(x, r, W_MUL(e, r));
}

// tanh (Eigen's float rational approximation, clamped where tanh rounds to +-1; about 1 ulp). pmin and pmax are
// single x86 instructions (f32x4.min and max also order NaNs and signed zeros: several).
static inline WV WNAME(tanh_)(WV a) {
  WV x = W_PMIN(W_PMAX(a, W_SET1(-7.90531110763549805f)), W_SET1(7.90531110763549805f));
  WV x2 = W_MUL(x, x);
  WV p = W_SET1(-2.76076847742355e-16f);
  p = W_FMA(p, x2, W_SET1(2.00018790482477e-13f));
  p = W_FMA(p, x2, W_SET1(-8.60467152213735e-11f));
  p = W_FMA(p, x2, W_SET1(5.12229709037114e-8f));
  p = W_FMA(p, x2, W_SET1(1.48572235717979e-5f));
  p = W_FMA(p, x2, W_SET1(6.37261928875436e-4f));
  p = W_FMA(p, x2, W_SET1(4.89352455891786e-3f));
  p = W_MUL(p, x);
  WV q = W_SET1(1.19825839466702e-6f);
  q = W_FMA(q, x2, W_SET1(1.18534705686654e-4f));
  q = W_FMA(q, x2, W_SET1(2.26843463243900e-3f));
  q = W_FMA(q, x2, W_SET1(4.89352518554385e-3f));
  return W_DIV(p, q);
}

// One forward step for B rows: z = P + R + bias (R null at the first step, where h_{-1} = 0); writes the gate
// activations i, f, g, o to A, c = f c_prev + i g to c_next, tanh(c) to tc and h = o tanh(c) to h.
// P, R, A rows are 4u wide; c_prev, c_next, tc, h rows u wide.
W_KERNEL void WNAME(lstm_step_forward)(int B, int u, const float* P, const float* R, const float* bias, float* A,
                                     const float* c_prev, float* c_next, float* tc, float* h) {
  const int G = 4 * u;
  for (int b = 0; b < B; b++) {
    const float* p = P + b * G;
    const float* r = R ? R + b * G : 0;
    float* a = A + b * G;
    const int s = b * u;
    for (int j = 0; j < u; j += WL) {
      const int n = u - j < WL ? u - j : WL;
      WV zi = W_ADD(W_LOADN(p + j, n), W_LOADN(bias + j, n));
      WV zf = W_ADD(W_LOADN(p + u + j, n), W_LOADN(bias + u + j, n));
      WV zg = W_ADD(W_LOADN(p + 2 * u + j, n), W_LOADN(bias + 2 * u + j, n));
      WV zo = W_ADD(W_LOADN(p + 3 * u + j, n), W_LOADN(bias + 3 * u + j, n));
      if (r) {
        zi = W_ADD(zi, W_LOADN(r + j, n));
        zf = W_ADD(zf, W_LOADN(r + u + j, n));
        zg = W_ADD(zg, W_LOADN(r + 2 * u + j, n));
        zo = W_ADD(zo, W_LOADN(r + 3 * u + j, n));
      }
      WV i = WNAME(sigmoid)(zi), f = WNAME(sigmoid)(zf), g = WNAME(tanh_)(zg), o = WNAME(sigmoid)(zo);
      W_STOREN(a + j, i, n);
      W_STOREN(a + u + j, f, n);
      W_STOREN(a + 2 * u + j, g, n);
      W_STOREN(a + 3 * u + j, o, n);
      WV c = W_ADD(W_MUL(f, W_LOADN(c_prev + s + j, n)), W_MUL(i, g));
      W_STOREN(c_next + s + j, c, n);
      WV t = WNAME(tanh_)(c);
      W_STOREN(tc + s + j, t, n);
      W_STOREN(h + s + j, W_MUL(o, t), n);
    }
  }
}

// One backward step for B rows, from the activations A, c_prev and tanh(c) of the step: dh = dh_next (0 when
// `last`) + d_out (when not null); dc = dc_next (0 when `last`) + dh o (1 - tanh(c)^2); writes the
// pre-activation gradients dZ (rows 4u wide) and dc f into dc_next.
W_KERNEL void WNAME(lstm_step_backward)(int B, int u, int last, const float* d_out, const float* dh_next,
                                      float* dc_next, const float* A, const float* c_prev, const float* tc, float* dZ) {
  const int G = 4 * u;
  const WV one = W_SET1(1.0f);
  for (int b = 0; b < B; b++) {
    const float* a = A + b * G;
    float* dz = dZ + b * G;
    const int s = b * u;
    for (int j = 0; j < u; j += WL) {
      const int n = u - j < WL ? u - j : WL;
      WV dh = last ? W_SET1(0.0f) : W_LOADN(dh_next + s + j, n);
      if (d_out) dh = W_ADD(dh, W_LOADN(d_out + s + j, n));
      WV i = W_LOADN(a + j, n), f = W_LOADN(a + u + j, n), g = W_LOADN(a + 2 * u + j, n), o = W_LOADN(a + 3 * u + j, n);
      WV t = W_LOADN(tc + s + j, n);
      WV dc = W_MUL(W_MUL(dh, o), W_SUB(one, W_MUL(t, t)));
      if (!last) dc = W_ADD(W_LOADN(dc_next + s + j, n), dc);
      W_STOREN(dz + j, W_MUL(W_MUL(dc, g), W_MUL(i, W_SUB(one, i))), n);
      W_STOREN(dz + u + j, W_MUL(W_MUL(dc, W_LOADN(c_prev + s + j, n)), W_MUL(f, W_SUB(one, f))), n);
      W_STOREN(dz + 2 * u + j, W_MUL(W_MUL(dc, i), W_SUB(one, W_MUL(g, g))), n);
      W_STOREN(dz + 3 * u + j, W_MUL(W_MUL(dh, t), W_MUL(o, W_SUB(one, o))), n);
      W_STOREN(dc_next + s + j, W_MUL(dc, f), n);
    }
  }
}

// One Adam step as Keras applies it, over n parameters: g = g1 + g2 (g2 null: g1 alone, the two shards of a
// batch summed in this order), m = b1 m + (1 - b1) g, s = b2 s + (1 - b2) g^2 (Keras' v), p -= lr_t m / (sqrt(s) +
// eps). WL values at a time, the last n % WL by W_ADAM_TAIL.
W_KERNEL void WNAME(adam_step)(int n, float* p, const float* g1, const float* g2, float* m, float* s, float lr_t,
                             float b1, float b2, float eps) {
  const WV B1 = W_SET1(b1), C1 = W_SET1(1.0f - b1), B2 = W_SET1(b2), C2 = W_SET1(1.0f - b2), LR = W_SET1(lr_t);
  const WV EPS = W_SET1(eps);
  int k = 0;
  for (; k + WL <= n; k += WL) {
    WV g = W_LOAD(g1 + k);
    if (g2) g = W_ADD(g, W_LOAD(g2 + k));
    WV mk = W_ADD(W_MUL(B1, W_LOAD(m + k)), W_MUL(C1, g));
    WV vk = W_ADD(W_MUL(B2, W_LOAD(s + k)), W_MUL(C2, W_MUL(g, g)));
    W_STORE(m + k, mk);
    W_STORE(s + k, vk);
    WV step = W_DIV(W_MUL(LR, mk), W_ADD(W_SQRT(vk), EPS));
    W_STORE(p + k, W_SUB(W_LOAD(p + k), step));
  }
  if (k < n) W_ADAM_TAIL(n - k, p + k, g1 + k, g2 ? g2 + k : 0, m + k, s + k, lr_t, b1, b2, eps);
}

// Column sums (the bias gradients): out[n] = A[0][n] + A[1][n] + ... + A[M-1][n] for n < N (rows lda apart), each
// column summed from row 0 in row order, the bits of a scalar sum at any width. Strips of up to 8 vectors (8 WL
// columns: whole cache lines of each row; a 4-column strip reading one line per row ran 6x slower) run down the
// rows: the AVX-512 build sums 128 columns a pass, the 4-lane one 32. The last vector of a strip holds `last`
// columns (its other lanes neither read nor written).
// (Eight named sums, not an array: clang's wasm build kept an array of vectors on a stack it must not have.)
#define CS_LOAD(j, p) ((j) == NV - 1 ? W_LOADN((p) + (j) * WL, last) : W_LOAD((p) + (j) * WL))
#define CS_STORE(j, x) \
  if ((j) == NV - 1) W_STOREN(out + (j) * WL, (x), last); \
  else if ((j) < NV) W_STORE(out + (j) * WL, (x))
#define CS_EACH(X) X(0, s0) X(1, s1) X(2, s2) X(3, s3) X(4, s4) X(5, s5) X(6, s6) X(7, s7)
static inline __attribute__((always_inline)) void WNAME(colsum_strip)(int NV, int last, int M, const float* A,
                                                                      int lda, float* out) {
  const WV zero = W_SET1(0.0f);
#define CS_FIRST(j, x) WV x = (j) < NV ? CS_LOAD(j, A) : zero;
  CS_EACH(CS_FIRST)
  for (int m = 1; m < M; m++) {
    const float* a = A + m * lda;
#define CS_ADD(j, x) if ((j) < NV) x = W_ADD(x, CS_LOAD(j, a));
    CS_EACH(CS_ADD)
  }
#define CS_OUT(j, x) CS_STORE(j, x);
  CS_EACH(CS_OUT)
}
#undef CS_LOAD
#undef CS_STORE
#undef CS_EACH
#undef CS_FIRST
#undef CS_ADD
#undef CS_OUT

W_KERNEL void WNAME(colsum)(int M, int N, const float* A, int lda, float* out) {
  if (M < 1) return;  // the caller zero-fills (see gemm)
  int n = 0;
  for (; n + 8 * WL <= N; n += 8 * WL) WNAME(colsum_strip)(8, WL, M, A + n, lda, out + n);
  const int r = N - n;
  if (r == 0) return;
  const int nv = (r + WL - 1) / WL, last = r - (nv - 1) * WL;
  A += n;
  out += n;
  switch (nv) {
    case 1: WNAME(colsum_strip)(1, last, M, A, lda, out); break;
    case 2: WNAME(colsum_strip)(2, last, M, A, lda, out); break;
    case 3: WNAME(colsum_strip)(3, last, M, A, lda, out); break;
    case 4: WNAME(colsum_strip)(4, last, M, A, lda, out); break;
    case 5: WNAME(colsum_strip)(5, last, M, A, lda, out); break;
    case 6: WNAME(colsum_strip)(6, last, M, A, lda, out); break;
    case 7: WNAME(colsum_strip)(7, last, M, A, lda, out); break;
    default: WNAME(colsum_strip)(8, last, M, A, lda, out); break;
  }
}

#ifdef WI
// ---- Products whose columns are all kernels.c's scalar column (N = 1..3: the output layer's 1-feature products). ----
// NB blocks of WL rows of C at once (NB independent sums in flight), column `c` of B: lane l of block j is row
// j WL + l, summed as column() sums it (from 0, a product then a sum, k in order), hence column()'s bits. tn: A
// stored [K, M] (a block is WL contiguous values of a row of A), else [M, K] (gathered, lda apart).
ALWAYS_INLINE void WNAME(narrow_blocks)(int NB, int tn, int K, const float* A, int lda, const float* B, int ldb,
                                        float* C, int ldc) {
  WV s[4];
  for (int j = 0; j < NB; j++) s[j] = W_SET1(0.0f);
  const WI idx = W_INDEX(lda);
  for (int k = 0; k < K; k++) {
    const WV b = W_SET1(B[k * ldb]);
    for (int j = 0; j < NB; j++)
      s[j] = W_ADD(s[j], W_MUL(tn ? W_LOAD(A + k * lda + j * WL) : W_GATHER(A + j * WL * lda + k, idx), b));
  }
  for (int j = 0; j < NB; j++) {
    float t[WL];
    W_STORE(t, s[j]);
    for (int l = 0; l < WL; l++) C[(j * WL + l) * ldc] = t[l];
  }
}

// C [M, N] = A B (tn: A^T B, A stored [K, M]) for N = 1..3, where every column is column()'s: WL rows per lane
// set instead of one at a time; the last M % WL rows by column() itself.
static void WNAME(gemm_narrow)(int tn, int M, int N, int K, const float* A, int lda, const float* B, int ldb,
                               float* C, int ldc) {
  const int M1 = M - M % WL;
  for (int c = 0; c < N; c++) {
    int m = 0;
    for (; m + 4 * WL <= M1; m += 4 * WL)
      WNAME(narrow_blocks)(4, tn, K, tn ? A + m : A + m * lda, lda, B + c, ldb, C + m * ldc + c, ldc);
    for (; m < M1; m += WL) WNAME(narrow_blocks)(1, tn, K, tn ? A + m : A + m * lda, lda, B + c, ldb, C + m * ldc + c, ldc);
    if (M1 < M) column(M - M1, tn, 0, K, tn ? A + M1 : A + M1 * lda, lda, B + c, ldb, C + M1 * ldc + c, ldc);
  }
}
#endif  // WI

#undef WV
#undef WL
#undef WNAME
#undef W_KERNEL
#undef W_ADAM_TAIL
#undef W_SET1
#undef W_ADD
#undef W_SUB
#undef W_MUL
#undef W_DIV
#undef W_SQRT
#undef W_FMA
#undef W_PMAX
#undef W_PMIN
#undef W_NEG_ABS
#undef W_POW2
#undef W_SEL_GE0
#undef W_LOAD
#undef W_STORE
#undef W_LOADN
#undef W_STOREN
#undef WI
#undef W_INDEX
#undef W_GATHER
