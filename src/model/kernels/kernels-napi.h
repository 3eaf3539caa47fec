// The Node-API glue of the native addon (included once, at the end of kernels-native.c, after every build of the
// kernels): the wrappers generated from kernels-list.h, `base`, `peak`, and the tables this CPU runs, made at load.
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
