import * as fs from 'fs';
import { InputError } from '../../src/util/errors';

/** The parts of an nbformat 4 cell this project reads or writes. */
export interface NotebookCell {
  cell_type: 'code' | 'markdown' | 'raw';
  source: string | string[];
  metadata: { tags?: string[]; [key: string]: unknown };
  outputs?: unknown[];
  execution_count?: number | null;
  id?: string;
  [key: string]: unknown;
}

/** The parts of an nbformat 4 notebook this project reads or writes. */
export interface Notebook {
  cells: NotebookCell[];
  metadata: { kernelspec?: { name?: string; [key: string]: unknown }; [key: string]: unknown };
  nbformat: number;
  nbformat_minor: number;
}

/** A cell's source as one string (nbformat allows a string or a list of lines). */
export function cellSource(cell: NotebookCell): string {
  return Array.isArray(cell.source) ? cell.source.join('') : cell.source;
}

/** Split text into nbformat's list-of-lines form (each line keeps its newline, the last one has none). */
export function toSourceLines(text: string): string[] {
  const lines = text.split('\n');
  return lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l)).filter((l) => l !== '');
}

/** True when the cell carries `tag` in `metadata.tags`. */
export function hasTag(cell: NotebookCell, tag: string): boolean {
  return Array.isArray(cell.metadata?.tags) && cell.metadata.tags.includes(tag);
}

/**
 * Read and minimally validate an .ipynb file.
 *
 * @throws InputError when the file is missing or is not an nbformat 4 notebook.
 */
export function readNotebook(file: string): Notebook {
  let nb: Notebook;
  try {
    nb = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'not valid JSON';
    throw new InputError(`${file}: ${why}`);
  }
  if (nb?.nbformat !== 4 || !Array.isArray(nb.cells)) throw new InputError(`${file}: not an nbformat 4 notebook`);
  return nb;
}

/** Serialise a notebook the way Jupyter does (1-space indent, trailing newline). */
export function formatNotebook(nb: Notebook): string {
  return `${JSON.stringify(nb, null, 1)}\n`;
}
