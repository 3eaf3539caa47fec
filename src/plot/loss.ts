import { baseLayout, COLORS, type Figure, fmt, vline } from './figure';

/** One epoch of loss: the part of an `EpochRecord` the loss chart needs. */
export interface LossPoint {
  /** Epoch number (1-based). */
  epoch: number;
  /** Training loss. */
  loss: number;
  /** Validation loss, or null without validation. */
  valLoss: number | null;
}

/** Options of {@link lossChart}. */
export interface LossChartOptions {
  /** Epoch to mark as best. Default: the epoch of the lowest validation loss (training loss without validation). */
  bestEpoch?: number;
  /** Chart title. Default `Training loss`. */
  title?: string;
}

/**
 * The epoch with the lowest validation loss (training loss when there is no validation), first on ties.
 *
 * @throws Nothing: an empty history gives NaN.
 * @example
 * bestEpochOf([{ epoch: 1, loss: 2, valLoss: 3 }, { epoch: 2, loss: 1, valLoss: 4 }]); // 1
 */
export function bestEpochOf(history: LossPoint[]): number {
  let best = NaN;
  let min = Infinity;
  for (const h of history) {
    const m = h.valLoss ?? h.loss;
    if (m < min) {
      min = m;
      best = h.epoch;
    }
  }
  return best;
}

/**
 * Chart (b): training and validation loss per epoch, the best epoch marked by a red point and a dotted line.
 *
 * @throws Nothing: an empty history gives empty traces.
 * @example
 * const fig = lossChart(result.training.history, { bestEpoch: result.training.bestEpoch });
 */
export function lossChart(history: LossPoint[], opts: LossChartOptions = {}): Figure {
  const epochs = history.map((h) => h.epoch);
  const hasVal = history.some((h) => h.valLoss !== null);
  const line = (name: string, y: Array<number | null>, color: string) => ({
    type: 'scatter',
    mode: history.length > 40 ? 'lines' : 'lines+markers',
    name,
    x: epochs,
    y,
    line: { color, width: 2 },
    marker: { size: 5, color },
    hovertemplate: `epoch %{x}<br>${name}: %{y:.5g}<extra></extra>`,
  });
  const data: Array<Record<string, unknown>> = [
    line(
      'training loss',
      history.map((h) => h.loss),
      COLORS.train,
    ),
  ];
  if (hasVal)
    data.push(
      line(
        'validation loss',
        history.map((h) => h.valLoss),
        COLORS.test,
      ),
    );
  const best = opts.bestEpoch ?? bestEpochOf(history);
  const at = history.find((h) => h.epoch === best);
  const shapes: Array<Record<string, unknown>> = [];
  if (at) {
    const y = hasVal && at.valLoss !== null ? at.valLoss : at.loss;
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: `best epoch (${best})`,
      x: [best],
      y: [y],
      marker: { color: COLORS.anomaly, size: 12, symbol: 'star' },
      hovertemplate: `best epoch %{x}<br>loss: ${fmt(y)}<extra></extra>`,
    });
    shapes.push(vline(best, COLORS.anomaly, 'dot'));
  }
  const layout = baseLayout({ title: opts.title ?? 'Training loss', x: 'epoch', y: 'loss' });
  return {
    data,
    layout: { ...layout, shapes, xaxis: { ...(layout.xaxis as object), dtick: history.length <= 20 ? 1 : undefined } },
  };
}
