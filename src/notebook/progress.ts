import type { EpochRecord } from '../result';
import { significant } from '../util/format';
import { escapeHtml } from '../report/escape';
import { liveOutput } from './display';

/** Per-epoch progress for a notebook cell: pass `onEpoch` to the trainer's options. */
export interface EpochProgress {
  onEpoch(record: EpochRecord, info: { epochs: number; best: number }): void;
}

const f = (v: number | null): string => (v === null ? '–' : significant(v, 4));
const perEpoch = (s: number): string => (s < 1 ? `${Math.round(s * 1000)} ms/epoch` : `${s.toFixed(1)} s/epoch`);

/**
 * A live progress line that overwrites itself after every epoch (a progress bar, the losses, the best epoch so
 * far and the time per epoch); the executed notebook keeps the final line.
 *
 * `unit` names what the trainer counts per second (`windows` for the LSTM, `rows` for a dense model).
 *
 * @example
 * const progress = epochProgress('training');
 * await trainAutoencoder(model, windows, { epochs, onEpoch: progress.onEpoch });
 */
export function epochProgress(label = 'training', unit = 'windows'): EpochProgress {
  const out = liveOutput();
  let total = 0;
  return {
    onEpoch(r, info) {
      total += r.seconds;
      const parts = [
        `epoch ${r.epoch}/${info.epochs}`,
        `loss ${f(r.loss)}`,
        `val_loss ${f(r.valLoss)}`,
        `best epoch ${info.best}`,
        perEpoch(total / r.epoch),
        `${Math.round(r.seqPerSec)} ${unit}/s`,
      ];
      out.html(
        `<div style="font-family:monospace"><progress value="${r.epoch}" max="${info.epochs}" style="vertical-align:middle"></progress> ` +
          `${escapeHtml(label)}: ${parts.map(escapeHtml).join(' · ')}</div>`,
      );
    },
  };
}
