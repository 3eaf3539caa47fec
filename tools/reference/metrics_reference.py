"""Expected numbers for src/evaluate/fixtures/metrics-reference.json from the reference implementations.

Not shipped and not run by the tests: the tests read the JSON this writes. Run it by hand against checkouts of
TheDatumOrg/TSB-AD (TSB_AD/evaluation: basic_metrics.py, affiliation/) and numenta/NAB (nab/sweeper.py):

    python3 tools/reference/metrics_reference.py TSB_AD_ROOT NAB_ROOT > src/evaluate/fixtures/metrics-reference.json

Needs numpy only (sklearn, which basic_metrics.py imports at the top, is stubbed: the functions used here do not
call it). The fixtures are seeded, so the same reference code writes the same file.
"""
import json
import math
import os
import subprocess
import sys
import types

import numpy as np

tsb_root, nab_root = sys.argv[1], sys.argv[2]
sys.modules['sklearn'] = types.SimpleNamespace(metrics=None)
sys.path.insert(0, tsb_root)
sys.path.insert(0, nab_root)
from TSB_AD.evaluation.basic_metrics import basic_metricor, generate_curve  # noqa: E402
from TSB_AD.evaluation.affiliation.generics import convert_vector_to_events  # noqa: E402
from TSB_AD.evaluation.affiliation.metrics import pr_from_events  # noqa: E402
from nab.sweeper import Sweeper  # noqa: E402


def commit(root, env):
    """The checkout's commit, or the environment variable `env` for a copy outside git."""
    try:
        return subprocess.check_output(['git', '-C', root, 'rev-parse', 'HEAD'], text=True, stderr=subprocess.DEVNULL).strip()
    except Exception:
        return os.environ.get(env, 'unknown')


def runs(v):
    out, i = [], 0
    while i < len(v):
        if v[i]:
            j = i
            while j + 1 < len(v) and v[j + 1]:
                j += 1
            out.append([i, j])
            i = j + 1
        else:
            i += 1
    return out


def f1(p, r):
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def num(x):
    x = float(x)
    return None if math.isnan(x) else x


def case(name, n, spans, scores, threshold, windows=(100,)):
    label = np.zeros(n, dtype=int)
    for a, b in spans:
        label[a:b + 1] = 1
    scores = np.round(np.asarray(scores, dtype=float), 6)
    pred = (scores > threshold).astype(int)
    g = basic_metricor()
    vus = {}
    for w in windows:
        *_, vroc, vpr = generate_curve(label, scores, w, 'opt', 250)
        vus[str(w)] = {'vusRoc': float(vroc), 'vusPr': float(vpr)}
    rrec = g.range_recall_new(label, pred, 0.2)[0]
    rprec = g.range_recall_new(pred, label, 0)[0]
    aff = pr_from_events(convert_vector_to_events(pred), convert_vector_to_events(label), (0, n))
    ap, ar = aff['Affiliation_Precision'], aff['Affiliation_Recall']
    adj = np.asarray(g._adjust_predicts(scores, label, pred=pred.copy())).astype(int)
    tp = int(np.sum(adj & label))
    pa = 2 * tp / (2 * tp + int(np.sum(adj & (1 - label))) + int(np.sum((1 - adj) & label)))
    cost = {'tpWeight': 1.0, 'fnWeight': 1.0, 'fpWeight': 0.11}
    ts = list(range(n))
    wins = [(a, b) for a, b in spans]
    raw = Sweeper(0.15, cost).scoreDataSet(ts, list(pred.astype(float)), wins, name, 1.0)[1].score
    null = Sweeper(0.15, cost).scoreDataSet(ts, [0.0] * n, wins, name, 1.0)[1].score
    perfect = len(wins) * cost['tpWeight']
    return {
        'name': name,
        'n': n,
        'labels': spans,
        'scores': [float(s) for s in scores],
        'threshold': threshold,
        'flags': runs(pred),
        'expected': {
            'vus': vus,
            'range': {'precision': float(rprec), 'recall': float(rrec), 'f1': f1(rprec, rrec)},
            'affiliation': {'precision': num(ap), 'recall': num(ar), 'f1': num(2 * ap * ar / (ap + ar + 1e-15))},
            'pointAdjustedF1': pa,
            'nab': {
                'raw': raw,
                'null': null,
                'perfect': perfect,
                'score': 100 * (raw - null) / (perfect - null),
            },
        },
    }


rng = np.random.default_rng(28)
cases = []

n = 400
s = rng.uniform(0, 0.6, n)
for a, b, h in [(48, 56, 0.9), (203, 226, 0.8), (392, 399, 0.95), (300, 302, 0.75)]:
    s[a:b + 1] += h * rng.uniform(0.5, 1, b - a + 1)
cases.append(case('mixed', n, [[50, 59], [200, 201], [205, 230], [390, 399]], s, 0.7, (100, 20, 7)))

n = 300
s = np.round(rng.uniform(0, 1, n), 1)  # ties: many equal scores
s[3:8] = 1.0
s[160] = 1.0
cases.append(case('ties-at-start', n, [[0, 9], [150, 152]], s, 0.85, (100, 10)))

n = 1000
s = np.cumsum(rng.normal(0, 0.05, n))
s = (s - s.min()) / (s.max() - s.min())
s[640:720] += 0.5
cases.append(case('long-drift', n, [[600, 699]], s, 1.0, (100, 125)))

n = 250
s = rng.uniform(0, 0.5, n)
s[20:25] = 0.9
cases.append(case('missed', n, [[100, 120]], s, 0.8, (100,)))

n = 500
s = rng.uniform(0, 1, n)
cases.append(case('random', n, [[100, 129], [300, 309]], s, 0.9, (100,)))

print(json.dumps({
    'note': 'Expected numbers written by tools/reference/metrics_reference.py from the reference code: '
            'VUS-PR/VUS-ROC (generate_curve, version opt, thre 250), range-based P/R (range_recall_new: recall '
            'alpha 0.2, precision alpha 0, flat bias), affiliation (pr_from_events) and point-adjusted F1 '
            '(_adjust_predicts) from TheDatumOrg/TSB-AD TSB_AD/evaluation; the NAB score (Sweeper.scoreDataSet, '
            'standard profile, probation 0.15, threshold 1.0 on 0/1 detections) from numenta/NAB nab/sweeper.py. '
            'Flags are the steps with score > threshold, as inclusive [first, last] runs.',
    'tsbAdCommit': commit(tsb_root, 'TSB_AD_COMMIT'),
    'nabCommit': commit(nab_root, 'NAB_COMMIT'),
    'numpy': np.__version__,
    'cases': cases,
}, indent=1))
