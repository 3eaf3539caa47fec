"""Execute one notebook headless and export it to HTML: what `jupyter nbconvert --execute --to html` does,
with the same libraries (nbclient + nbconvert) and the kernel named by --kernel (tslab or deno), plus two things
tslab needs:

* tslab reports a failing cell with an empty error reply and the message only on stderr, so nbconvert's own
  error says nothing useful. This driver finds the failing cell, reads the message from its stderr output,
  prints it, and adds a standard `error` output to the cell, so the exported HTML marks it like any other
  Jupyter error (`.output_error`, caught by the report browser check).
* The HTML is written even when a cell fails (the error is visible in it), through a temp file and a rename;
  require.js and MathJax are not linked from a CDN, so the report opens offline.

Progress goes to stdout as JSON lines: {"event": "start"|"cell"|"error"|"done", ...}; "done" carries "cpu",
the kernel's CPU seconds (user + system, all its threads; null where Python has no `resource` module).
Called by `npm run report` (tools/notebook/report.ts); exit code 0 ok, 1 a cell failed, 3 other failure.
"""

import argparse
import json
import os
import re
import sys
import time

import queue

try:
    import resource  # the kernel's CPU time; not on Windows
except ImportError:
    resource = None

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete, CellExecutionError
from nbclient.util import ensure_async
from jinja2 import DictLoader
from nbconvert import HTMLExporter

# JupyterLab's look (nbconvert's default `lab` template), with error outputs also carrying the classic
# `output_error` class and the error name, so checks can tell an error from ordinary stderr text.
TEMPLATE = (
    "{%- extends 'lab/index.html.j2' -%}\n"
    "{% block error %}<div class=\"output_error\" data-ename=\"{{ output.ename | e }}\">"
    "{{ super() }}</div>{% endblock error %}\n"
    "{% block body_footer %}{{ resources.lstm_nav }}{{ super() }}{% endblock body_footer %}\n")

# The reader's navigation: a table of contents and folded code (scripts/notebook-nav.html).
NAV_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'notebook-nav.html')


def emit(**event):
    print(json.dumps(event), flush=True)


def stderr_text(cell):
    return ''.join(
        o.get('text', '') for o in cell.get('outputs', [])
        if o.get('output_type') == 'stream' and o.get('name') == 'stderr')


def error_message(cell, fallback):
    """The one line that says what went wrong: a compile diagnostic or the thrown error."""
    lines = [l.strip() for l in stderr_text(cell).splitlines() if l.strip()]
    for line in lines:
        if re.match(r'^\d+:\d+ - ', line) or re.match(r"^[\w$.]*(Error|Exception)\b", line):
            return line
    return lines[-1] if lines else fallback


def error_output(cell):
    """The cell's own `error` output (Deno's kernel sends one; tslab does not), or None."""
    return next((o for o in cell.get('outputs', []) if o.get('output_type') == 'error'), None)


def mark_error(cell, message):
    ename, _, evalue = message.partition(': ')
    if not evalue or ' ' in ename:
        ename, evalue = 'Error', message
    cell.setdefault('outputs', []).append(nbformat.v4.new_output(
        'error', ename=ename, evalue=evalue, traceback=[message]))


class LateStreamClient(NotebookClient):
    """A client that keeps reading a cell's outputs for LATE_SECONDS after its idle status. Deno's kernel
    forwards stdout from a pipe-reading thread, so the last console.log lines of a cell can reach Jupyter after
    the cell reported idle (with the cell's own parent header); nbclient would drop them."""

    LATE_SECONDS = 0.25

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        await super()._async_poll_output_msg(parent_msg_id, cell, cell_index)
        deadline = time.monotonic() + self.LATE_SECONDS
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=left))
            except queue.Empty:
                return
            if msg['parent_header'].get('msg_id') == parent_msg_id and msg['msg_type'] != 'status':
                try:
                    self.process_message(msg, cell, cell_index)
                except CellExecutionComplete:
                    pass


def export_html(nb, html, name):
    """Write `nb` as one offline HTML page (the lab template, the navigation), through a temp file and a rename."""
    exporter = HTMLExporter(
        template_name='lab', template_file='lstm_anomaly.html.j2',
        extra_loaders=[DictLoader({'lstm_anomaly.html.j2': TEMPLATE})], require_js_url='', mathjax_url='')
    with open(NAV_FILE, encoding='utf-8') as f:
        nav = f.read()
    body, _ = exporter.from_notebook_node(nb, resources={'metadata': {'name': name}, 'lstm_nav': nav})
    tmp = '{}.tmp-{}'.format(html, os.getpid())
    with open(tmp, 'w', encoding='utf-8') as f:
        f.write(body)
    os.replace(tmp, html)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('notebook')
    ap.add_argument('html')
    ap.add_argument('--cwd', required=True, help='kernel working directory')
    ap.add_argument('--name', default=None, help='title of the HTML page')
    ap.add_argument('--kernel', default='tslab')
    ap.add_argument('--timeout', type=int, default=1800, help='seconds per cell')
    args = ap.parse_args()

    nb = nbformat.read(args.notebook, as_version=4)
    code = [i for i, c in enumerate(nb.cells) if c.cell_type == 'code']
    state = {'failed': None, 't0': time.monotonic()}

    def on_cell_start(cell, cell_index, **_):
        state['t0'] = time.monotonic()

    def on_cell_executed(cell, cell_index, **_):
        emit(event='cell', index=cell_index, number=code.index(cell_index) + 1, total=len(code),
             seconds=round(time.monotonic() - state['t0'], 2))

    def on_cell_error(cell, cell_index, **_):
        state['failed'] = cell_index

    client = (LateStreamClient if args.kernel == 'deno' else NotebookClient)(
        nb, timeout=args.timeout, kernel_name=args.kernel, resources={'metadata': {'path': args.cwd}},
        on_cell_start=on_cell_start, on_cell_executed=on_cell_executed, on_cell_error=on_cell_error)
    emit(event='start', cells=len(code))
    status = 0
    try:
        client.execute()
    except CellExecutionError as e:
        index = state['failed']
        cell = nb.cells[index] if index is not None else None
        fallback = (str(e).strip().splitlines() or ['cell failed'])[-1]
        own = error_output(cell) if cell is not None else None
        if own is not None:
            message = '{}: {}'.format(own.get('ename', 'Error'), own.get('evalue', '')).strip()
        else:
            message = error_message(cell, fallback) if cell is not None else fallback
            if cell is not None:
                mark_error(cell, message)
        number = code.index(index) + 1 if index in code else None
        emit(event='error', index=index, number=number, message=message)
        status = 1
    except Exception as e:  # kernel died, timeout, kernel not found
        message = '{}: {}'.format(type(e).__name__, str(e).strip().splitlines()[0] if str(e).strip() else '')
        emit(event='error', index=state['failed'], number=None, message=message)
        status = 3

    export_html(nb, args.html, args.name or os.path.splitext(os.path.basename(args.html))[0])
    # The kernel is a child of this process, reaped when execute() shuts it down: its CPU seconds (every
    # thread) say how much work the notebook is, whatever else loads the machine.
    cpu = None
    if resource is not None:
        ru = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = round(ru.ru_utime + ru.ru_stime, 1)
    emit(event='done', status=status, cpu=cpu)
    return status


if __name__ == '__main__':
    sys.exit(main())
