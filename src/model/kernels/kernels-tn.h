// The weight gradients of a native build, C [M, N] = A^T x B with A stored [K, M], B [K, N] (K = batch x steps),
// written once and included once per width: by kernels-native.c (8 floats: gemm_tn) and kernels-avx512.h (16:
// gemm_tn_512), each defining first
//   TN_NAME                  the function's name;
//   TN_PKB, TN_NB            the blocks of B from 64 rows (steps of k, columns);
//   TN_PW                    the width of a packed panel (16 or 32 columns);
//   TN_PACK(K, N, B, ldb, W) its packing of B into panels; TN_ROWS_PACKED(...) all rows against packed panels;
//   TN_GEMM(tn, M, ...)      its unpacked product;
//   TN_PANEL(M, w, acc, K, A, lda, Wj, C, ldc)  all M rows against one packed panel w columns wide (8..TN_PW);
// and finding in scope the workspace's sizes TN_W and TN_NB_MAX and prefetch_share (kernels-native.c).
//
// With a workspace W and a long k, a block of kb x nb of B is packed into W (about 60 KB: L2), then each panel of
// it (L1) passes every row tile, which continues its sums in C (same k order, same bits as one pass over k), while
// the next block's rows of B and A are fetched into L2, a share per panel: B is read from memory once, where the
// unpacked product streams it once per row tile. From 64 rows, blocks of TN_PKB x TN_NB instead (faster there:
// mmT 128x464x512 58.7 against 51.0 GFLOP/s on AVX2, A's block being the larger one). Without a workspace, under
// 8 rows, or with a short k: the unpacked product. The last N % 8 columns: the unpacked product.
void TN_NAME(int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc, float* W) {
  const int N8 = N & ~7;
  if (W && M >= 64) {
    for (int k0 = 0; k0 < K; k0 += TN_PKB) {
      const int kb = K - k0 < TN_PKB ? K - k0 : TN_PKB, acc = k0 > 0;
      for (int n0 = 0; n0 < N8; n0 += TN_NB) {
        const int nb = N8 - n0 < TN_NB ? N8 - n0 : TN_NB;
        TN_PACK(kb, nb, B + k0 * ldb + n0, ldb, W);
        TN_ROWS_PACKED(1, acc, M, nb, kb, A + k0 * lda, lda, W, C + n0, ldc);
      }
    }
  } else if (!W || M < 8 || N8 == 0 || K < 256) {
    TN_GEMM(1, M, N, K, A, lda, B, ldb, C, ldc);
    return;
  } else {
    const int nbmax = N8 < TN_NB_MAX ? N8 : TN_NB_MAX, kbmax = TN_W / nbmax & ~3;
    for (int n0 = 0; n0 < N8; n0 += nbmax) {
      const int nb = N8 - n0 < nbmax ? N8 - n0 : nbmax;
      for (int k0 = 0; k0 < K; k0 += kbmax) {
        const int kb = K - k0 < kbmax ? K - k0 : kbmax, acc = k0 > 0;
        TN_PACK(kb, nb, B + k0 * ldb + n0, ldb, W);
        const int kn = K - k0 - kb < kbmax ? K - k0 - kb : kbmax, np = (nb + TN_PW - 1) / TN_PW;
        for (int p = 0, j = 0; j < nb; p++, j += TN_PW) {
          prefetch_share(p, np, kn, B + (k0 + kb) * ldb + n0, ldb, nb, A + (k0 + kb) * lda, lda, M);
          TN_PANEL(M, nb - j < TN_PW ? nb - j : TN_PW, acc, kb, A + k0 * lda, lda, W + j * kb, C + n0 + j, ldc);
        }
      }
    }
  }
  if (N8 < N) TN_GEMM(1, M, N - N8, K, A, lda, B + N8, ldb, C + N8, ldc);
}

#undef TN_NAME
#undef TN_PKB
#undef TN_NB
#undef TN_PW
#undef TN_PACK
#undef TN_ROWS_PACKED
#undef TN_GEMM
#undef TN_PANEL
