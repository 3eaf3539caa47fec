// The LSTM cell steps and Adam of kernels.c, written once for a wider vector: included by kernels-native.c for
// AVX2 (8 lanes, names ending _256) and by kernels-avx512.h for AVX-512 (16 lanes, _512), each time inside its
// target attribute and after defining the operations below. Lane for lane these are kernels.c's operations in
// kernels.c's order (madd(acc, a, b) = a b + acc, fused; pmax(a, b) = a < b ? b : a), so every build gives the
// bits of the relaxed wasm build; the tails of a row are masked lanes, neither read nor written.
//
// The includer defines: WV (the vector type), WL (its lanes), WI (a vector of WL int32), W_INDEX(s) (lane l
// holds l s), W_GATHER(p, idx) (lane l loads p[idx_l]), WNAME(f) (f with the build's suffix), and
// W_SET1(x), W_ADD, W_SUB, W_MUL, W_DIV, W_SQRT, W_FMA(a, b, c) = a b + c, W_PMAX, W_PMIN (wasm's operand
// order), W_NEG_ABS(x) (the sign bit set), W_POW2(t) (2^n from the bits of t = 1.5 * 2^23 + n), W_SEL_GE0(x, a,
// b) (a where x >= 0, else b; NaN: b), W_LOAD, W_STORE, W_LOADN(p, n), W_STOREN(p, x, n) (lanes 0..n-1; the
// others read as 0).

// exp(x) for x <= 0: exp_neg of kernels.c.
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

// sigmoid of kernels.c: with e = exp(-|x|), 1 / (1 + e) for x >= 0 and e / (1 + e) below.
static inline WV WNAME(sigmoid)(WV x) {
  WV e = WNAME(exp_neg)(W_NEG_ABS(x));
  WV r = W_DIV(W_SET1(1.0f), W_ADD(W_SET1(1.0f), e));
  return W_SEL_GE0(x, r, W_MUL(e, r));
}

// tanh_ of kernels.c.
static inline WV WNAME(tanh)(WV a) {
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

// lstm_step_forward of kernels.c.
static void WNAME(lstm_step_forward)(int B, int u, const float* P, const float* R, const float* bias, float* A,
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
      WV i = WNAME(sigmoid)(zi), f = WNAME(sigmoid)(zf), g = WNAME(tanh)(zg), o = WNAME(sigmoid)(zo);
      W_STOREN(a + j, i, n);
      W_STOREN(a + u + j, f, n);
      W_STOREN(a + 2 * u + j, g, n);
      W_STOREN(a + 3 * u + j, o, n);
      WV c = W_ADD(W_MUL(f, W_LOADN(c_prev + s + j, n)), W_MUL(i, g));
      W_STOREN(c_next + s + j, c, n);
      WV t = WNAME(tanh)(c);
      W_STOREN(tc + s + j, t, n);
      W_STOREN(h + s + j, W_MUL(o, t), n);
    }
  }
}

// lstm_step_backward of kernels.c.
static void WNAME(lstm_step_backward)(int B, int u, int last, const float* d_out, const float* dh_next,
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

// adam_step of kernels.c: WL values at a time, the rest (n % WL) by kernels.c itself.
static void WNAME(adam_step)(int n, float* p, const float* g1, const float* g2, float* m, float* s, float lr_t,
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
  if (k < n) adam_step(n - k, p + k, g1 + k, g2 ? g2 + k : NULL, m + k, s + k, lr_t, b1, b2, eps);
}

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

#undef WV
#undef WL
#undef WNAME
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
