import { escapeHtml } from '../report/escape';
import type { EpochRecord } from '../result';
import { significant } from '../util/format';
import { liveOutput } from './display';

/** What training ended with: the epochs it ran and the one whose weights were kept. */
export interface TrainingEnd {
  history: EpochRecord[];
  /** Epoch whose weights were kept (early stopping); omit when the last epoch's weights are kept. */
  bestEpoch?: number;
}

/** Per-epoch progress for a notebook cell: pass `onEpoch` to the trainer's options, then `done` its result. */
export interface EpochProgress {
  onEpoch(record: EpochRecord, info: { epochs: number; best: number }): void;
  /**
   * Replace the live line by the final state: epochs run, best epoch, early stop. Returns nothing, so a cell
   * that ends with it shows no `Out[n]` on Deno (whose kernel displays a cell's last value); the line itself
   * is {@link finalProgressHtml}.
   */
  done(training: TrainingEnd): void;
}

const f = (v: number | null): string => (v === null ? '–' : significant(v, 4));
const perEpoch = (s: number): string => (s < 1 ? `${Math.round(s * 1000)} ms/epoch` : `${s.toFixed(1)} s/epoch`);
const line = (value: number, max: number, label: string, parts: string[]): string =>
  `<div style="font-family:monospace"><progress value="${value}" max="${max}" style="vertical-align:middle">` +
  `</progress> ${escapeHtml(label)}: ${parts.map(escapeHtml).join(' · ')}</div>`;

/**
 * The final progress line of a training: a full bar, the epochs run out of the maximum, whether early
 * stopping ended it, the best epoch and its losses.
 *
 * @throws Nothing.
 * @example
 * finalProgressHtml('training', { history, bestEpoch: 5 }, 100); // '... 8 of 100 epochs, stopped early ...'
 */
export function finalProgressHtml(label: string, t: TrainingEnd, maxEpochs: number): string {
  const ran = t.history.length;
  const parts = [`${ran} of ${maxEpochs} epochs${ran < maxEpochs ? ', stopped early' : ''}`];
  if (t.bestEpoch === undefined) {
    const last = t.history[ran - 1];
    if (last) parts.push(`final loss ${f(last.loss)}, val_loss ${f(last.valLoss)}`);
  } else {
    const best = t.history[t.bestEpoch - 1];
    const losses = best ? ` (loss ${f(best.loss)}, val_loss ${f(best.valLoss)})` : '';
    parts.push(`best epoch ${t.bestEpoch}${losses}, its weights kept`);
  }
  const total = t.history.reduce((s, r) => s + r.seconds, 0);
  if (ran > 0) parts.push(perEpoch(total / ran));
  return line(ran, Math.max(ran, 1), label, parts);
}

/**
 * A live progress line that overwrites itself after every epoch (a progress bar, the losses, the best epoch so
 * far and the time per epoch). `done(result)` replaces it by the final state, which the executed notebook and
 * its HTML export keep (a bar at 8% when early stopping ended at epoch 8 of 100 would look stuck).
 *
 * `unit` names what the trainer counts per second (`windows` for the LSTM, `rows` for a dense model).
 *
 * @throws Error outside a tslab kernel.
 * @example
 * const progress = epochProgress('training');
 * const t = await trainAutoencoder(model, windows, { epochs, onEpoch: progress.onEpoch });
 * progress.done(t);
 */
export function epochProgress(label = 'training', unit = 'windows'): EpochProgress {
  const out = liveOutput();
  let total = 0;
  let max = 0;
  return {
    onEpoch(r, info) {
      total += r.seconds;
      max = info.epochs;
      const parts = [
        `epoch ${r.epoch}/${info.epochs}`,
        `loss ${f(r.loss)}`,
        `val_loss ${f(r.valLoss)}`,
        `best epoch ${info.best}`,
        perEpoch(total / r.epoch),
        `${Math.round(r.seqPerSec)} ${unit}/s`,
      ];
      out.html(line(r.epoch, info.epochs, label, parts));
    },
    done(t) {
      const html = finalProgressHtml(label, t, Math.max(max, t.history.length));
      out.html(html);
    },
  };
}
