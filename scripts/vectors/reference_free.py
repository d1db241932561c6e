#!/usr/bin/env python3
"""Reference vectors for referenceFreeLoss (CONVENTIONS.md §7b, format §8), written to
tests/vectors/reference_free.json (relative to the repo root) or the path given as the first argument.

An independent re-implementation of TRL's formulas in 80-digit mpmath arithmetic, from TRL's code:
  - 'simpo': trl/experimental/cpo/cpo_trainer.py, cpo_loss with loss_type="simpo" and alpha 0, on
    get_batch_logps(average_log_prob=True), plus cpo_alpha * the NLL that concatenated_forward computes
    (cross-entropy over the chosen labels, whose prompt tokens tokenize_row masks with -100).
  - 'orpo': trl/experimental/orpo/orpo_trainer.py, odds_ratio_loss and get_batch_loss_metrics, whose NLL
    covers the chosen row's prompt and completion tokens (labels = input ids where attention_mask == 1).
Gradients are the analytic derivatives with respect to the summed log-probs, written here in the naive
form (80 digits make cancellation harmless), and each interior case is checked against mpmath's own
numerical derivative (mp.diff) of the loss, so the expected gradients do not rest on one derivation.

Run: python3 scripts/vectors/reference_free.py   (needs mpmath 1.3)
"""

import json
import os
import random
import sys

import mpmath
from mpmath import mp, mpf

mp.dps = 80

DEFAULT_TOLERANCE = {"rel": 1e-9, "abs": 1e-12}


def log_sigmoid(x):
    return -mpmath.log1p(mpmath.exp(-x)) if x >= 0 else x - mpmath.log1p(mpmath.exp(x))


def sigmoid(x):
    return 1 / (1 + mpmath.exp(-x))


def log1mexp(x):
    """log(1 - e^x) for x <= 0; -inf at 0."""
    if x == 0:
        return mpf("-inf")
    return mpmath.log(-mpmath.expm1(x))


def simpo_loss(lw, ll, nw, nl, beta, gamma, cpo_alpha, eps):
    a, b = lw / nw, ll / nl
    x = beta * (a - b) - gamma  # β·((a − b) − γ/β)
    losses = -(1 - eps) * log_sigmoid(x) - eps * log_sigmoid(-x)
    return losses + cpo_alpha * (-a)


def simpo_grad(lw, ll, nw, nl, beta, gamma, cpo_alpha, eps):
    a, b = lw / nw, ll / nl
    x = beta * (a - b) - gamma
    slope = -(1 - eps) * sigmoid(-x) + eps * sigmoid(x)  # d losses / dx
    return (beta * slope - cpo_alpha) / nw, -beta * slope / nl


def orpo_log_odds(a, b):
    if a == b:
        return mpf(0)
    return (a - b) - (log1mexp(a) - log1mexp(b))


def orpo_loss(lw, ll, nw, nl, beta, lp, np_):
    a, b = lw / nw, ll / nl
    nll = -(lp + lw) / (np_ + nw)
    z = orpo_log_odds(a, b)
    if z == mpf("-inf"):
        return mpf("inf")
    return nll - beta * log_sigmoid(z)


def orpo_grad(lw, ll, nw, nl, beta, lp, np_):
    """d/d lw and d/d ll; z = logit(e^a) - logit(e^b), dz/da = 1/(1 - e^a), dz/db = -1/(1 - e^b)."""
    a, b = lw / nw, ll / nl
    z = orpo_log_odds(a, b)
    if a == 0:
        # one-sided limit as a -> 0-: sigma(-z)/(1 - e^a) -> e^b/(1 - e^b); sigma(-z)/(1 - e^b) -> 0
        ga = mpmath.exp(b) / (-mpmath.expm1(b))
        gb = mpf(0)
    else:
        s = sigmoid(-z)
        ga = s / (-mpmath.expm1(a))
        gb = s / (-mpmath.expm1(b))
    return -1 / (np_ + nw) - beta * ga / nw, beta * gb / nl


def f64(x):
    """The float64 an input will be in the test: the case stores it, and mpmath uses it exactly."""
    return float(x)


def make_case(kind, inp, params, tolerance=None):
    lw, ll = mpf(inp["policyChosen"]), mpf(inp["policyRejected"])
    nw, nl = mpf(inp["chosenLength"]), mpf(inp["rejectedLength"])
    beta = mpf(params["beta"])
    if kind == "simpo":
        gamma = mpf(params.get("simpoGamma", 0.5))
        cpo_alpha = mpf(params.get("cpoAlpha", 1.0))
        eps = mpf(params.get("labelSmoothing", 0.0))
        args = (nw, nl, beta, gamma, cpo_alpha, eps)
        loss_at = lambda x, y: simpo_loss(x, y, *args)
        loss = loss_at(lw, ll)
        dw, dl = simpo_grad(lw, ll, *args)
    else:
        lp = mpf(inp.get("policyPrompt", 0.0))
        np_ = mpf(inp.get("promptLength", 0))
        args = (nw, nl, beta, lp, np_)
        loss_at = lambda x, y: orpo_loss(x, y, *args)
        loss = loss_at(lw, ll)
        dw, dl = orpo_grad(lw, ll, *args)
    # Independent check of the analytic gradient where both sides of a central difference are in the domain.
    if lw < 0 and ll < 0:
        # The step must stay inside (−∞, 0), so tiny log-probs need a tiny step and digits to match.
        small = min(abs(lw), abs(ll))
        h = small * mpf(10) ** -25
        with mp.workdps(mp.dps + 40 + max(0, int(-mpmath.log10(small)))):
            fd_w = mpmath.diff(lambda x: loss_at(x, ll), lw, h=h)
            fd_l = mpmath.diff(lambda y: loss_at(lw, y), ll, h=h)
        for fd, an, name in ((fd_w, dw, "dPolicyChosen"), (fd_l, dl, "dPolicyRejected")):
            assert abs(fd - an) <= mpf(10) ** -20 * (1 + abs(an)), (kind, inp, params, name, fd, an)
    expected = {
        "loss": float(loss),
        "dPolicyChosen": float(dw),
        "dPolicyRejected": float(dl),
        "rewardChosen": float(beta * lw / nw),
        "rewardRejected": float(beta * ll / nl),
    }
    case = {"lossType": kind, "input": inp, "params": params, "expected": expected}
    if tolerance is not None:
        case["tolerance"] = tolerance
    return case


def pair(lw, ll, nw, nl, **prompt):
    d = {"policyChosen": f64(lw), "policyRejected": f64(ll), "chosenLength": nw, "rejectedLength": nl}
    d.update({k: (f64(v) if k == "policyPrompt" else v) for k, v in prompt.items()})
    return d


def main():
    rng = random.Random(12)
    cases = []

    def rand_logp(lo):
        return round(rng.uniform(lo, -0.01), 6)

    # SimPO: TRL defaults (γ 0.5, cpo_alpha 1, ε 0), random pairs and lengths, β across its range.
    for beta in (0.001, 0.1, 0.5, 2.0, 10.0, 1000.0):
        for _ in range(3):
            nw, nl = rng.randint(1, 300), rng.randint(1, 300)
            cases.append(make_case("simpo", pair(rand_logp(-400), rand_logp(-400), nw, nl), {"beta": beta}))
    # SimPO: γ, ε, cpo_alpha, each alone and together.
    for params in (
        {"beta": 2.0, "simpoGamma": 0.0},
        {"beta": 2.0, "simpoGamma": 1.6},
        {"beta": 2.5, "simpoGamma": -0.3},
        {"beta": 2.0, "cpoAlpha": 0.0},
        {"beta": 2.0, "cpoAlpha": 0.0, "simpoGamma": 0.0},
        {"beta": 0.3, "cpoAlpha": 0.05},
        {"beta": 2.0, "cpoAlpha": 3.0},
        {"beta": 2.0, "labelSmoothing": 0.1},
        {"beta": 0.7, "labelSmoothing": 0.3},
        {"beta": 10.0, "labelSmoothing": 0.49, "simpoGamma": 1.0, "cpoAlpha": 0.5},
    ):
        for _ in range(3):
            nw, nl = rng.randint(1, 120), rng.randint(1, 120)
            cases.append(make_case("simpo", pair(rand_logp(-150), rand_logp(-150), nw, nl), params))
    # SimPO: the prompt fields are not read (CPO masks the prompt).
    cases.append(
        make_case("simpo", pair(-12.5, -20.25, 5, 9, policyPrompt=-7.5, promptLength=4), {"beta": 2.0})
    )
    # SimPO: extremes (log-probs to −1e5, β 1e-3 … 1e3, means near 0, exactly 0).
    for lw, ll, nw, nl, params in (
        (-1e5, -1e5, 1, 1, {"beta": 1000.0}),
        (-1e5, -0.5, 1, 1, {"beta": 1000.0}),
        (-0.5, -1e5, 1, 1, {"beta": 1000.0, "labelSmoothing": 0.2}),
        (-1e5, -1e5, 1, 7, {"beta": 0.001}),
        (-1e-9, -2e-9, 1000, 1000, {"beta": 2.0}),
        (-1e-300, -3e-12, 1, 1, {"beta": 0.1, "simpoGamma": 0.0}),
        (0.0, -3.0, 3, 2, {"beta": 2.0}),
        (-3.0, 0.0, 2, 3, {"beta": 2.0}),
        (0.0, 0.0, 1, 1, {"beta": 2.0, "labelSmoothing": 0.1}),
    ):
        cases.append(make_case("simpo", pair(lw, ll, nw, nl), params))

    # ORPO: TRL's default λ 0.1 and others, with and without prompt tokens.
    for beta in (0.001, 0.1, 0.25, 1.0, 1000.0):
        for _ in range(3):
            nw, nl = rng.randint(1, 200), rng.randint(1, 200)
            cases.append(make_case("orpo", pair(rand_logp(-300), rand_logp(-300), nw, nl), {"beta": beta}))
        for _ in range(2):
            nw, nl, np_ = rng.randint(1, 200), rng.randint(1, 200), rng.randint(1, 60)
            prompt = {"policyPrompt": rand_logp(-200), "promptLength": np_}
            cases.append(
                make_case("orpo", pair(rand_logp(-300), rand_logp(-300), nw, nl, **prompt), {"beta": beta})
            )
    # ORPO: per-token means in (−ln 2, 0), TRL's other log1mexp branch, and near 0.
    for lw, ll, nw, nl in (
        (-0.3, -0.6, 1, 1),
        (-2.0, -0.1, 4, 1),
        (-1e-8, -1e-6, 1, 1),
        (-1e-12, -1e-12, 10, 1),
        (-3e-9, -2e-9, 30, 20),
        (-1e-300, -0.5, 1, 1),
        (-0.5, -1e-300, 1, 1),
        (-1e-300, -2e-300, 1, 1),
        (-0.6931471805599453, -0.6931471805599454, 1, 1),
    ):
        cases.append(make_case("orpo", pair(lw, ll, nw, nl, policyPrompt=-4.0, promptLength=3), {"beta": 0.1}))
    # ORPO: equal means (log-odds 0), a chosen mean of exactly 0, extremes.
    for lw, ll, nw, nl, beta, prompt in (
        (-6.0, -3.0, 4, 2, 0.5, {}),
        (0.0, -3.0, 3, 2, 0.1, {}),
        (0.0, -1e5, 1, 1, 1000.0, {"policyPrompt": -2.0, "promptLength": 5}),
        (0.0, -1e-10, 1, 1, 1.0, {}),
        (-1e5, -1e5, 1, 1, 1000.0, {}),
        (-1e5, -0.25, 1, 1, 1000.0, {"policyPrompt": -1e5, "promptLength": 1}),
        (-0.25, -1e5, 1, 1, 0.001, {}),
        (-1e5, -1e5, 3, 1, 0.001, {}),
    ):
        cases.append(make_case("orpo", pair(lw, ll, nw, nl, **prompt), {"beta": beta}))

    out = {
        "about": (
            "referenceFreeLoss: TRL CPOTrainer(loss_type='simpo') and ORPOTrainer losses, gradients w.r.t. the"
            " summed policy log-probs, TRL's rewards/chosen and rewards/rejected (beta x per-token mean);"
            " 80-digit mpmath, made by scripts/vectors/reference_free.py"
        ),
        "defaultTolerance": DEFAULT_TOLERANCE,
        "cases": cases,
    }
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "tests", "vectors", "reference_free.json")
    with open(path, "w") as fh:
        json.dump(out, fh, indent=1)
        fh.write("\n")
    print(f"{len(cases)} cases -> {os.path.normpath(path)}")


if __name__ == "__main__":
    main()
