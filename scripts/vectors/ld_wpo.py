#!/usr/bin/env python3
"""Reference vectors for LD-DPO's ld_alpha and WPO's use_weighting in the toy trainer (toyObjective with
ToyLossConfig.ldAlpha / wpoWeighting; format CONVENTIONS.md §8), written to tests/vectors/ld_wpo.json
(relative to the repo root) or the path given as the first argument.

An independent re-implementation, in 60-digit mpmath arithmetic, of TRL's _compute_loss
(trl/trainer/dpo_trainer.py) on the toy's mapping (README, "TRL's trainer-wide knobs"):
  - ld_alpha: logps = shared + α·tail with shared = the first m = min(Lc, Lr) tokens; the toy's tokens of y
    are equally likely, so log π(y) and log π_ref(y) are scaled by f(y) = (m + α(L_y − m))/L_y;
  - use_weighting: per-sequence loss × w_c·w_r, w_y = exp(log π(y)/L_y − log Σ_k π(k)²), under no_grad;
  - the SFT term (loss_type=[<loss>, "sft"], loss_weights=[1, w]): −Σ q·log π(chosen) / Σ q·L(chosen) over
    both orders of each pair, untouched by ld_alpha (TRL's sft reads the logits), times mean(w_c·w_r) under WPO.
Losses: 'sigmoid' (−log σ(β h)) and 'ipo' with TRL's token normalisation ((ρw/Lw − ρl/Ll − 1/(2β))²).
The gradient with respect to θ (tabular policy: logits = base + θ) is mpmath's numerical derivative of the
objective with WPO's weight frozen at θ, as torch.no_grad freezes it.

Run: python3 scripts/vectors/ld_wpo.py   (needs mpmath 1.3)
"""

import json
import os
import random
import sys

import mpmath
from mpmath import mp, mpf

mp.dps = 60

DEFAULT_TOLERANCE = {"rel": 1e-10, "abs": 1e-13}


def log_softmax(x):
    top = max(x)
    z = top + mpmath.log(mpmath.fsum(mpmath.exp(v - top) for v in x))
    return [v - z for v in x]


def log_sigmoid(x):
    return -mpmath.log1p(mpmath.exp(-x)) if x >= 0 else x - mpmath.log1p(mpmath.exp(x))


def pair_loss(kind, beta, rw, rl, lw, ll):
    if kind == "sigmoid":
        return -log_sigmoid(beta * (rw - rl))
    if kind == "ipo":
        return (rw / lw - rl / ll - 1 / (2 * beta)) ** 2
    raise ValueError(kind)


def ld_factor(alpha, length, other):
    m = min(length, other)
    return (m + alpha * (length - m)) / length


def objective(case, theta, frozen_theta):
    base = [mpf(v) for v in case["problem"]["policy"]["baseLogits"]]
    lengths = [mpf(v) for v in case["problem"]["lengths"]]
    ref = log_softmax([mpf(v) for v in case["problem"]["refLogits"]])
    loss_cfg = case["config"]["loss"]
    beta = mpf(loss_cfg["beta"])
    alpha = mpf(loss_cfg.get("ldAlpha", 1))
    wpo = loss_cfg.get("wpoWeighting", False)
    sft_w = mpf(loss_cfg.get("sftWeight", 0))
    lp = log_softmax([b + t for b, t in zip(base, theta)])
    # WPO's weights from the frozen policy (no_grad).
    lp_frozen = log_softmax([b + t for b, t in zip(base, frozen_theta)])
    log_denom = mpmath.log(mpmath.fsum(mpmath.exp(2 * v) for v in lp_frozen))
    pairs = case["problem"]["pairs"]
    total_weight = mpmath.fsum(mpf(p.get("weight", 1)) for p in pairs)
    loss = mpf(0)
    mean_pw = mpf(0)
    sft_num = mpf(0)
    sft_tokens = mpf(0)
    for p in pairs:
        c, r, q = p["chosen"], p["rejected"], mpf(p["p"])
        w = mpf(p.get("weight", 1)) / total_weight
        pw = (
            mpmath.exp(lp_frozen[c] / lengths[c] + lp_frozen[r] / lengths[r] - 2 * log_denom) if wpo else mpf(1)
        )
        mean_pw += w * pw
        fc = ld_factor(alpha, lengths[c], lengths[r])
        fr = ld_factor(alpha, lengths[r], lengths[c])
        rc = fc * (lp[c] - ref[c])
        rr = fr * (lp[r] - ref[r])
        kind = loss_cfg["type"]
        loss += w * pw * q * pair_loss(kind, beta, rc, rr, lengths[c], lengths[r])
        loss += w * pw * (1 - q) * pair_loss(kind, beta, rr, rc, lengths[r], lengths[c])
        sft_num -= w * (q * lp[c] + (1 - q) * lp[r])
        sft_tokens += w * (q * lengths[c] + (1 - q) * lengths[r])
    if sft_w != 0:
        loss += sft_w * (mean_pw if wpo else 1) * sft_num / sft_tokens
    return loss


def make_case(rng, kind, alpha, wpo, sft_w, p):
    k = 4
    case = {
        "problem": {
            "policy": {
                "baseLogits": [round(rng.uniform(-2, 2), 3) for _ in range(k)],
                "features": [[1 if i == j else 0 for j in range(k)] for i in range(k)],
            },
            "refLogits": [round(rng.uniform(-2, 2), 3) for _ in range(k)],
            "lengths": [rng.randint(1, 9) for _ in range(k)],
            "pairs": [
                {"chosen": 0, "rejected": 1, "p": p},
                {"chosen": 2, "rejected": 3, "p": 1, "weight": 0.5},
            ],
        },
        "config": {
            "loss": {"type": kind, "beta": rng.choice([0.05, 0.5, 2.0])},
            "optimizer": "sgd",
            "learningRate": 0.1,
            "steps": 1,
        },
        "theta": [round(rng.uniform(-1.5, 1.5), 3) for _ in range(k)],
    }
    loss = case["config"]["loss"]
    if alpha != 1:
        loss["ldAlpha"] = alpha
    if wpo:
        loss["wpoWeighting"] = True
    if sft_w:
        loss["sftWeight"] = sft_w
    theta = [mpf(v) for v in case["theta"]]
    value = objective(case, theta, theta)
    grad = []
    for j in range(k):

        def f(x, j=j):
            t = list(theta)
            t[j] = x
            return objective(case, t, theta)

        grad.append(mpmath.diff(f, theta[j]))
    case["expected"] = {"loss": float(value), "gradient": [float(g) for g in grad]}
    return case


def main():
    rng = random.Random(12)
    cases = []
    for kind in ["sigmoid", "ipo"]:
        for alpha, wpo, sft_w, p in [
            (0.0, False, 0, 1),
            (0.3, False, 0, 0.8),
            (1, True, 0, 1),
            (0.5, True, 0.5, 0.7),
            (0.0, True, 2.0, 0.9),
        ]:
            cases.append(make_case(rng, kind, alpha, wpo, sft_w, p))
    out = {
        "about": "toyObjective (loss and gradient in θ) with LD-DPO's ldAlpha, WPO's wpoWeighting (weight frozen "
        "for the gradient, as TRL's torch.no_grad) and the SFT term; 60-digit mpmath, scripts/vectors/ld_wpo.py",
        "defaultTolerance": DEFAULT_TOLERANCE,
        "cases": cases,
    }
    here = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "tests", "vectors", "ld_wpo.json")
    with open(path, "w") as fh:
        json.dump(out, fh, indent=1)
    print(f"{len(cases)} cases -> {path}")


if __name__ == "__main__":
    main()
