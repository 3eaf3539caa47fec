/**
 * The kernels of kernels.c, as every build exposes them (WebAssembly plain or relaxed SIMD, the native addon):
 * the one list of their names and the interface they share. Pointers are byte offsets in the shared memory,
 * null pointers are 0; strides count floats.
 */
export interface KernelExports {
  lstm_step_forward(
    B: number,
    u: number,
    P: number,
    R: number,
    bias: number,
    A: number,
    cPrev: number,
    cNext: number,
    tc: number,
    h: number,
  ): void;
  lstm_step_backward(
    B: number,
    u: number,
    last: number,
    dOut: number,
    dhNext: number,
    dcNext: number,
    A: number,
    cPrev: number,
    tc: number,
    dZ: number,
  ): void;
  transpose(src: number, dst: number, rows: number, cols: number): void;
  gemm_nn(
    M: number,
    N: number,
    K: number,
    A: number,
    lda: number,
    B: number,
    ldb: number,
    C: number,
    ldc: number,
  ): void;
  /** W: a workspace of GEMM_TN_WORKSPACE floats (64-byte aligned), or 0 to multiply unpacked. */
  gemm_tn(
    M: number,
    N: number,
    K: number,
    A: number,
    lda: number,
    B: number,
    ldb: number,
    C: number,
    ldc: number,
    W: number,
  ): void;
  pack_panels(K: number, N: number, B: number, ldb: number, Bp: number): void;
  gemm_nn_packed(M: number, N: number, K: number, A: number, lda: number, Bp: number, C: number, ldc: number): void;
  colsum(M: number, N: number, A: number, lda: number, out: number): void;
  /** d[k] = a[k] * m[k] for k < n (d may be a). */
  mask_mul(n: number, a: number, m: number, d: number): void;
  dropout_masks(
    seed: number,
    step: number,
    row0: number,
    B: number,
    T: number,
    uLast: number,
    uFirst: number,
    thr: number,
    keep: number,
    enc: number,
    dec: number,
  ): void;
  adam_step(
    n: number,
    p: number,
    g1: number,
    g2: number,
    m: number,
    s: number,
    lrT: number,
    b1: number,
    b2: number,
    eps: number,
  ): void;
}

/** The name of one kernel. */
export type KernelName = keyof KernelExports;

/** Every kernel, in the order of kernels.c: the one list the native wrapper and the profiler iterate. */
export const KERNEL_NAMES: readonly KernelName[] = [
  'lstm_step_forward',
  'lstm_step_backward',
  'transpose',
  'gemm_nn',
  'pack_panels',
  'gemm_nn_packed',
  'gemm_tn',
  'colsum',
  'mask_mul',
  'adam_step',
  'dropout_masks',
];

/** How many arguments each kernel takes (its parameters in {@link KernelExports}). */
export const KERNEL_ARITY: Readonly<Record<KernelName, number>> = {
  lstm_step_forward: 10,
  lstm_step_backward: 10,
  transpose: 4,
  gemm_nn: 9,
  pack_panels: 5,
  gemm_nn_packed: 8,
  gemm_tn: 10,
  colsum: 5,
  mask_mul: 4,
  adam_step: 10,
  dropout_masks: 11,
};

/** Floats in the workspace of `gemm_tn` (PKB x NB in kernels.c: one packed block of the right operand). */
export const GEMM_TN_WORKSPACE = 256 * 64;

/** The native builds of the products in the addon: 16 floats wide (AVX-512F/VL/BW), 8 wide (AVX2 + FMA). */
export type NativeBuild = 'avx512' | 'avx2';

/**
 * The addon's opt-in table of bf16 products (`LSTM_ANOMALY_BF16=1`, CPUs with avx512_bf16): the avx512 build with
 * its products' operands rounded to bf16 (kernels-avx512-bf16.h). Not the bits of the other builds.
 */
export type Bf16Build = 'avx512bf16';

/**
 * The builds of kernels.c: `relaxed` uses fused multiply-adds (relaxed SIMD), `plain` only WebAssembly SIMD;
 * `avx512` and `avx2` are the addon built at install (x86-64, the same bits as `relaxed`, see kernels-native.c);
 * `avx512bf16` the opt-in bf16 products ({@link Bf16Build}).
 */
export type KernelBuild = NativeBuild | Bf16Build | 'relaxed' | 'plain';
