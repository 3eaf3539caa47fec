import { KERNEL_PARAMS, type KernelExports } from './kernels-list';

/**
 * The kernels of kernels.c, as every build exposes them (WebAssembly plain or relaxed SIMD, the native addon),
 * generated from kernels-list.h (the one list of their names and parameters) into kernels-list.ts. Pointers are
 * byte offsets in the shared memory, null pointers are 0; strides count floats.
 * @example
 * const k: KernelExports = instantiateKernels(memory, 'relaxed'); k.transpose(src, dst, rows, cols);
 */
export type { KernelExports };

/** The name of one kernel. */
export type KernelName = keyof KernelExports;

/**
 * Every kernel, in the order of kernels-list.h: the list the native wrapper and the profiler iterate.
 * @example
 * KERNEL_NAMES.includes('gemm_nn'); // true
 */
export const KERNEL_NAMES: readonly KernelName[] = Object.keys(KERNEL_PARAMS) as KernelName[];

/**
 * How many arguments each kernel takes (its parameters in kernels-list.h).
 * @example
 * KERNEL_ARITY.transpose; // 4
 */
export const KERNEL_ARITY: Readonly<Record<KernelName, number>> = Object.fromEntries(
  KERNEL_NAMES.map((k) => [k, KERNEL_PARAMS[k].length]),
) as Record<KernelName, number>;

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
