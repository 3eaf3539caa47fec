// The engine's kernels, listed once: each one's name, which build of it each native table takes, and its
// parameters in order. Read by the native addon's glue (kernels-native.c includes this file once per use, with
// KERNEL defined), by the WebAssembly build (scripts/build-wasm.js: the module's exports) and, through the
// generated kernels-list.ts (`npm run build:wasm`, or `node scripts/build-wasm.js --list` without a compiler),
// by the TypeScript side (exports.ts: `KernelExports`, `KERNEL_NAMES`, `KERNEL_ARITY`). No include guard.
//
// KERNEL(name, group, parameters...):
//   group  SAME: the function `name` of kernels.c in every native table;
//          CELL: a kernel of kernels-wide.h (the cell, Adam, row sums): name_256 (avx2), name_512 (avx512 and
//                avx512bf16);
//          PRODUCT: a matrix product: name (avx2, kernels-native.c), name_512 (kernels-avx512.h),
//                   name_bf16 (kernels-avx512-bf16.h).
//   parameters  INT(x) int, UINT(x) unsigned, FLOAT(x) float, PTR(x) float* (a byte offset in the memory, 0 for
//               null); x is the parameter's name in TypeScript.
// A `//` comment right above a line becomes that kernel's TSDoc in kernels-list.ts.

KERNEL(lstm_step_forward, CELL, INT(B), INT(u), PTR(P), PTR(R), PTR(bias), PTR(A), PTR(cPrev), PTR(cNext), PTR(tc), PTR(h))
KERNEL(lstm_step_backward, CELL, INT(B), INT(u), INT(last), PTR(dOut), PTR(dhNext), PTR(dcNext), PTR(A), PTR(cPrev), PTR(tc), PTR(dZ))
KERNEL(transpose, SAME, PTR(src), PTR(dst), INT(rows), INT(cols))
KERNEL(gemm_nn, PRODUCT, INT(M), INT(N), INT(K), PTR(A), INT(lda), PTR(B), INT(ldb), PTR(C), INT(ldc))
KERNEL(pack_panels, PRODUCT, INT(K), INT(N), PTR(B), INT(ldb), PTR(Bp))
KERNEL(gemm_nn_packed, PRODUCT, INT(M), INT(N), INT(K), PTR(A), INT(lda), PTR(Bp), PTR(C), INT(ldc))
// W: a workspace of GEMM_TN_WORKSPACE floats (64-byte aligned), or 0 to multiply unpacked.
KERNEL(gemm_tn, PRODUCT, INT(M), INT(N), INT(K), PTR(A), INT(lda), PTR(B), INT(ldb), PTR(C), INT(ldc), PTR(W))
KERNEL(colsum, CELL, INT(M), INT(N), PTR(A), INT(lda), PTR(out))
// d[k] = a[k] * m[k] for k < n (d may be a).
KERNEL(mask_mul, SAME, INT(n), PTR(a), PTR(m), PTR(d))
// dst row r (at dst + r * ds) = src row r (at src + r * ss), u floats each, for r < rows (strides in floats).
KERNEL(copy_rows, SAME, INT(rows), INT(u), PTR(src), INT(ss), PTR(dst), INT(ds))
KERNEL(adam_step, CELL, INT(n), PTR(p), PTR(g1), PTR(g2), PTR(m), PTR(s), FLOAT(lrT), FLOAT(b1), FLOAT(b2), FLOAT(eps))
KERNEL(dropout_masks, SAME, INT(seed), INT(step), INT(row0), INT(B), INT(T), INT(uLast), INT(uFirst), UINT(thr), FLOAT(keep), PTR(enc), PTR(dec))
