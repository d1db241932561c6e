#!/usr/bin/env python3
"""Cross-check of batch_loss.json against TRL's own code.

Runs the lines of TRL's DPOTrainer._compute_loss from `chosen_logratios = ...` to the end of the loss_type loop
(the f-divergence scores and every loss_type but sft, which needs logits) on a numpy float64 stand-in for
torch, for every case of tests/vectors/batch_loss.json without sft or cdpo (not a TRL type), and prints the
largest relative difference from the mpmath values. (torch.clamp's float32 limit 80 is what the stand-in's
dtype lookup returns.)

Run: git -C /work/.mirror/huggingface+trl/repo show HEAD:trl/trainer/dpo_trainer.py > /tmp/dpo_trainer.py
     python3 scripts/vectors/trl_crosscheck.py /tmp/dpo_trainer.py
"""
import json, os, sys, textwrap, types
import numpy as np
np.seterr(all='ignore')
src = open(sys.argv[1]).read()
start = src.index('        chosen_logratios = chosen_logps - ref_chosen_logps')
end = src.index('        if self.aux_loss_enabled:\n            aux_loss = outputs.aux_loss')
body = textwrap.dedent(src[start:end])

class T(np.ndarray):
    def float(self): return self
    def to(self, dtype): return self
    def chunk(self, k, dim=0): return [a.view(T) for a in np.split(np.asarray(self), k, axis=dim)]
    def sum(self, dim=None, **kw): return np.asarray(self).sum(axis=dim).view(T) if dim is not None else np.asarray(self).sum()
    def clamp(self, min=None, max=None):
        a = np.asarray(self)
        if min is not None: a = np.maximum(a, min)
        if max is not None: a = np.minimum(a, max)
        return a.view(T)
    def mean(self): return float(np.asarray(self).mean())
def t(x): return np.asarray(x, dtype=np.float64).view(T)
torch = types.SimpleNamespace(
    float16='f16', bfloat16='bf16', float32=np.dtype('float64'),
    exp=lambda x: t(np.exp(np.asarray(x))), log1p=lambda x: t(np.log1p(np.asarray(x))), log=lambda x: t(np.log(np.asarray(x))),
    sigmoid=lambda x: t(1 / (1 + np.exp(-np.asarray(x)))), relu=lambda x: t(np.maximum(0, np.asarray(x))),
    clamp=lambda x, max=None: t(np.minimum(np.asarray(x), max)),
    sort=lambda x, dim=0: (t(np.sort(np.asarray(x), kind='stable')), None),
    tensor=lambda x, device=None: t(x),
)
F = types.SimpleNamespace(logsigmoid=lambda x: t(-np.logaddexp(0, -np.asarray(x))))
VECTORS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tests', 'vectors', 'batch_loss.json')
cases = [c for c in json.load(open(VECTORS))['cases'] if not any(x['type'] in ('sft', 'cdpo') for x in c['terms'])]
out = []
for c in cases:
    p = c['params']; pairs = c['pairs']
    n = len(pairs)
    L = max(max(q.get('chosenLength', 1), q.get('rejectedLength', 1)) for q in pairs)
    mask = np.zeros((2 * n, L))
    for i, q in enumerate(pairs):
        mask[i, :q.get('chosenLength', 1)] = 1
        mask[n + i, :q.get('rejectedLength', 1)] = 1
    self = types.SimpleNamespace(
        f_divergence_type=p.get('fDivergence', 'reverse_kl'), f_alpha_divergence_coef=p.get('fAlphaDivergenceCoef', 0.5),
        loss_types=[x['type'] for x in c['terms']], loss_weights=[x.get('weight', 1.0) for x in c['terms']],
        beta=p['beta'], label_smoothing=p.get('labelSmoothing', 0.0), use_weighting=False,
        args=types.SimpleNamespace(discopop_tau=p.get('discopopTau', 0.05)))
    ns = dict(self=self, torch=torch, F=F, device=None, completion_mask=t(mask),
              chosen_logps=t([q['policyChosen'] for q in pairs]), rejected_logps=t([q['policyRejected'] for q in pairs]),
              ref_chosen_logps=t([q['refChosen'] for q in pairs]), ref_rejected_logps=t([q['refRejected'] for q in pairs]))
    exec(body, ns)
    out.append(float(ns['loss']))
worst = max(abs(o - c['expected']['loss']) / (1e-300 + abs(c['expected']['loss'])) for o, c in zip(out, cases))
print(f'{len(cases)} cases, largest relative difference from TRL\'s code in float64: {worst:.3g}')
