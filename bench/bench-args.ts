/** The command line of `npm run bench`: its options, their defaults and `--help`. */
import { InputError } from '../src/util/errors';
/** Options of `npm run bench`. */
export interface BenchArgs {
  /** Windows trained on per epoch. Default 1024. */
  windows: number;
  /** Timed epochs of stock tfjs-layers (slow). Default 1. */
  layersEpochs: number;
  /** Timed epochs of the engine. Default 3. */
  engineEpochs: number;
  /** tfjs backend for every contender. Default `wasm`. */
  backend: string;
  /** Also time the default CLI run on the bundled S&P 500. Default true. */
  cli: boolean;
  /** Times the CLI run is repeated; the median run is reported, with every run's seconds (this machine varies). Default 3. */
  cliRuns: number;
  /** Rounds of the engine and PyTorch contenders, taking turns; each contender's median round is reported. Default 3. */
  rounds: number;
  /** Write the table into docs/performance.md between the BENCH markers. Default false. */
  readme: boolean;
  /** The Python with PyTorch 2.x: `--python PATH`, else `LSTM_ANOMALY_BENCH_PYTHON`, else null (bench/.venv where it exists). */
  python: string | null;
  /** Create bench/.venv with PyTorch 2.x (`python3 -m venv`, `pip install torch numpy`) before the run. Default false. */
  setupTorch: boolean;
  /** Also time `evaluate` on the development files and a notebook's full run (issue 27). Default true. */
  work: boolean;
}

/** `--quick`: one short round (a smoke run; flags after it override). */
export const QUICK: Partial<BenchArgs> = { windows: 256, engineEpochs: 1, rounds: 1, cli: false, work: false };

/** The `--help` text of `npm run bench`. */
export const BENCH_USAGE = `Usage: npm run bench -- [--windows 1024] [--layers-epochs 1] [--engine-epochs 3] [--backend wasm] [--cli-runs 3] [--rounds 3] [--no-cli] [--no-work] [--quick] [--readme] [--python PATH] [--setup-torch]
PyTorch 2.x is the anchor: the Python of --python PATH, else of LSTM_ANOMALY_BENCH_PYTHON, else bench/.venv/bin/python
(--setup-torch creates that venv: python3 -m venv bench/.venv && pip install torch numpy); PyTorch 1.13 of
/usr/bin/python3 (Debian's python3-torch) is a second row where present. Stock tfjs-layers and PyTorch against this project's LSTM engine (128 units,
30 steps, batch 32), each in its own process (the engine's and PyTorch's in --rounds rounds, taking turns; the median round of each is
reported): training and inference sequences/s, their ratios, peak memory, the
CPU's measured peak and the products' share of it, where the engine's time goes, and the default CLI run end to
end (the median of --cli-runs), with the targets of issues 16 and 27: the 1- and 2-thread FMA limit of the machine,
scoring against PyTorch's no_grad, the per-row latency of watch against PyTorch scoring one window at a time, and
(unless --no-work) AER's training speed per parameter against the LSTM autoencoder's (bench/aer.ts), and evaluate on
the development files and a notebook's full run, in seconds per file. --quick: one
short round (256 windows, 1 epoch, 1 round, no CLI run, no --work). Writes bench/results/bench-<date>.json (bench-<date>-2.json, .. when it exists); --readme also updates the table in docs/performance.md.`;

/**
 * Parse `npm run bench` arguments; `env` gives `LSTM_ANOMALY_BENCH_PYTHON` (`--python` wins over it).
 * @throws Error `invalid <flag>: <value>` for a bad number or an unknown flag.
 * @example
 * parseBenchArgs(['--windows', '256', '--no-cli']).cli; // false
 * parseBenchArgs([], process.env).python; // LSTM_ANOMALY_BENCH_PYTHON, or null
 */
export function parseBenchArgs(argv: string[], env: NodeJS.ProcessEnv = {}): BenchArgs | null {
  const a: BenchArgs = {
    windows: 1024,
    layersEpochs: 1,
    engineEpochs: 3,
    backend: 'wasm',
    cli: true,
    cliRuns: 3,
    rounds: 3,
    readme: false,
    python: env.LSTM_ANOMALY_BENCH_PYTHON || null,
    setupTorch: false,
    work: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const f = argv[i];
    const num = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) throw new InputError(`invalid ${f}: ${argv[i]}`);
      return v;
    };
    if (f === '--help' || f === '-h') return null;
    else if (f === '--windows') a.windows = num();
    else if (f === '--layers-epochs') a.layersEpochs = num();
    else if (f === '--engine-epochs') a.engineEpochs = num();
    else if (f === '--backend') a.backend = argv[++i];
    else if (f === '--cli-runs') a.cliRuns = num();
    else if (f === '--rounds') a.rounds = num();
    else if (f === '--no-cli') a.cli = false;
    else if (f === '--readme') a.readme = true;
    else if (f === '--no-work') a.work = false;
    else if (f === '--quick') Object.assign(a, QUICK);
    else if (f === '--setup-torch') a.setupTorch = true;
    else if (f === '--python') {
      const v = argv[++i];
      if (!v || v.startsWith('--')) throw new InputError(`invalid --python: ${v ?? '(missing)'}`);
      a.python = v;
    } else throw new InputError(`invalid option: ${f}`);
  }
  return a;
}
