/**
 * The opt-in bf16 products (`LSTM_ANOMALY_BF16=1`): whether the engine takes them, and the one-line refusals where
 * it cannot. The kernels are the addon's `avx512bf16` table (kernels-avx512-bf16.h).
 */
import { InputError } from '../../util/errors';
import type { NativeBuild } from './exports';
import { nativeBuild, nativeKernelsStatus } from './native-kernels';

const BF16 = 'LSTM_ANOMALY_BF16';

/**
 * Whether the products run in bf16 (`LSTM_ANOMALY_BF16=1`; unset or `0`: no), given the native build the engine
 * takes and whether this CPU has the bf16 table: the decision of {@link bf16Products}, without the environment.
 *
 * @throws InputError for a value other than 0 or 1, or 1 where the build is not avx512 or the CPU lacks avx512_bf16.
 * @example
 * bf16Choice('1', 'avx512', true); // true
 */
export function bf16Choice(value: string | undefined, build: NativeBuild | null, cpuHasBf16: boolean): boolean {
  const want = (value ?? '').trim();
  if (want === '' || want === '0') return false;
  if (want !== '1') throw new InputError(`invalid ${BF16}: ${value} (use 1 or 0)`);
  if (!cpuHasBf16)
    throw new InputError(`invalid ${BF16}: 1 (this CPU lacks avx512_bf16, or the native kernels do not load)`);
  if (build !== 'avx512')
    throw new InputError(`invalid ${BF16}: 1 (bf16 products need the avx512 build, not ${build ?? 'none'})`);
  return true;
}

/**
 * Whether the engine's products run in bf16 here (opt-in, `LSTM_ANOMALY_BF16=1`: operands rounded to bf16,
 * fp32 sums, with vdpbf16ps; see docs/performance.md): only with the avx512 build on a CPU with avx512_bf16.
 *
 * @throws InputError as {@link bf16Choice}, and as {@link nativeBuild} for a bad `LSTM_ANOMALY_NATIVE`.
 * @example
 * bf16Products(); // false unless LSTM_ANOMALY_BF16=1 on a Zen 4 or a Sapphire Rapids
 */
export function bf16Products(): boolean {
  const build = nativeBuild();
  return bf16Choice(process.env[BF16], build, nativeKernelsStatus().bf16);
}
