// The WebAssembly SIMD intrinsics kernels.c uses, on x86-64 SSE4.1 + FMA, with the wasm semantics (the same
// bits): kernels.c then compiles natively unchanged. Macros name each argument once (an argument with side
// effects, next4(&state), is evaluated once); the two that need one twice are functions. pmin/pmax take their operands swapped (wasm pmax(a, b) is
// a < b ? b : a, x86 maxps(x, y) is x > y ? x : y); unsigned >= is max_epu32(a, b) == a.
#ifndef WASM_SHIM_H
#define WASM_SHIM_H
#include <immintrin.h>

typedef __m128 v128_t;
typedef int shim_v4si __attribute__((vector_size(16)));
typedef long long shim_v2di __attribute__((vector_size(16)));
#define SHIM_I(x) _mm_castps_si128(x)
#define SHIM_F(x) _mm_castsi128_ps(x)

#define wasm_v128_load(p) _mm_loadu_ps((const float*)(p))
#define wasm_v128_store(p, x) _mm_storeu_ps((float*)(p), (x))
#define wasm_v128_load32_splat(p) _mm_set1_ps(*(const float*)(p))
#define wasm_v128_and(a, b) _mm_and_ps((a), (b))
#define wasm_v128_or(a, b) _mm_or_ps((a), (b))
#define wasm_v128_xor(a, b) _mm_xor_ps((a), (b))
static inline v128_t wasm_v128_bitselect(v128_t a, v128_t b, v128_t m) { return _mm_or_ps(_mm_and_ps(a, m), _mm_andnot_ps(m, b)); }
#define wasm_f32x4_splat(x) _mm_set1_ps(x)
#define wasm_f32x4_make(a, b, c, d) _mm_setr_ps((a), (b), (c), (d))
#define wasm_f32x4_extract_lane(x, i) ((x)[i])
#define wasm_f32x4_add(a, b) _mm_add_ps((a), (b))
#define wasm_f32x4_sub(a, b) _mm_sub_ps((a), (b))
#define wasm_f32x4_mul(a, b) _mm_mul_ps((a), (b))
#define wasm_f32x4_div(a, b) _mm_div_ps((a), (b))
#define wasm_f32x4_sqrt(a) _mm_sqrt_ps(a)
#define wasm_f32x4_pmax(a, b) _mm_max_ps((b), (a))
#define wasm_f32x4_pmin(a, b) _mm_min_ps((b), (a))
#define wasm_f32x4_ge(a, b) _mm_cmpge_ps((a), (b))
#define wasm_i32x4_splat(x) SHIM_F(_mm_set1_epi32(x))
#define wasm_u32x4_make(a, b, c, d) SHIM_F(_mm_setr_epi32((int)(a), (int)(b), (int)(c), (int)(d)))
#define wasm_i32x4_add(a, b) SHIM_F(_mm_add_epi32(SHIM_I(a), SHIM_I(b)))
#define wasm_i32x4_mul(a, b) SHIM_F(_mm_mullo_epi32(SHIM_I(a), SHIM_I(b)))
#define wasm_i32x4_shl(a, n) SHIM_F(_mm_slli_epi32(SHIM_I(a), (n)))
#define wasm_u32x4_shr(a, n) SHIM_F(_mm_srli_epi32(SHIM_I(a), (n)))
static inline v128_t wasm_u32x4_ge(v128_t a, v128_t b) { return SHIM_F(_mm_cmpeq_epi32(_mm_max_epu32(SHIM_I(a), SHIM_I(b)), SHIM_I(a))); }
#ifdef __clang__
#define wasm_i32x4_shuffle(a, b, c0, c1, c2, c3) ((v128_t)__builtin_shufflevector((v128_t)(a), (v128_t)(b), c0, c1, c2, c3))
#define wasm_i64x2_shuffle(a, b, c0, c1) ((v128_t)__builtin_shufflevector((shim_v2di)(a), (shim_v2di)(b), c0, c1))
#else
#define wasm_i32x4_shuffle(a, b, c0, c1, c2, c3) ((v128_t)__builtin_shuffle((v128_t)(a), (v128_t)(b), (shim_v4si){c0, c1, c2, c3}))
#define wasm_i64x2_shuffle(a, b, c0, c1) ((v128_t)__builtin_shuffle((shim_v2di)(a), (shim_v2di)(b), (shim_v2di){c0, c1}))
#endif
// a b + c, fused (the relaxed wasm build's f32x4.relaxed_madd, which V8 runs as vfmadd on x86-64).
#define __builtin_wasm_fma_f32x4(a, b, c) _mm_fmadd_ps((a), (b), (c))
#ifndef __clang__
#define __builtin_assume(x) do { if (!(x)) __builtin_unreachable(); } while (0)
#endif
#endif
