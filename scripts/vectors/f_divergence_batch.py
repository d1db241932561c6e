#!/usr/bin/env python3
"""Reference vectors for TRL's f-divergences, the sft pair loss and the batch loss (issue 12).

Writes tests/vectors/f_divergence.json (pairLoss with params.fDivergence) and
tests/vectors/batch_loss.json (batchLoss with loss_type=[...], loss_weights=[...]).

Every formula is re-implemented here from TRL's DPOTrainer._compute_loss (trl/trainer/dpo_trainer.py), in
mpmath at 420 digits, independently of the TypeScript: losses from the formulas as TRL writes them, gradients
by mpmath's numerical differentiation at that precision (for the sorted aot terms, by the sort's permutation,
checked against numerical differentiation where there is no tie).

Inputs are float64 numbers. As in TRL, the log-ratios (policy - ref) and aot's differences are formed in the
floating-point dtype; we round them to float64 the same way and take everything after that exactly. Where a
loss amplifies the last-bit rounding of the float64 scores (a difference of two large scores), a case carries
a wider absolute tolerance: 64 times the change of its outputs when the scores move by one ulp.

Run: python3 scripts/vectors/f_divergence_batch.py  (mpmath 1.3)
"""

import json
import os
import random

import mpmath as mp
from mpmath import mpf

mp.mp.dps = 420

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "tests", "vectors"))

DIVERGENCES = ["reverse_kl", "forward_kl", "js_divergence", "alpha_divergence"]
PAIR_TYPES = [
    "sigmoid", "cdpo", "robust", "ipo", "hinge", "exo_pair", "nca_pair", "bco_pair", "sppo_hard",
    "apo_zero", "apo_down", "discopop", "sigmoid_norm", "sft",
]
DEFAULTS = {"labelSmoothing": {"exo_pair": 1e-3}, "discopopTau": 0.05, "alpha": 0.5}
ALPHA_CLAMP = 80


def log_sigmoid(x):
    return -mp.log1p(mp.exp(-x)) if x >= 0 else x - mp.log1p(mp.exp(x))


def sigmoid(x):
    return 1 / (1 + mp.exp(-x))


def score(div, alpha, rho):
    """TRL's chosen_scores / rejected_scores for one log-ratio (exact, from the float64 log-ratio)."""
    if div == "reverse_kl":
        return rho
    if div == "forward_kl":
        return -mp.exp(-rho)
    if div == "js_divergence":
        return log_sigmoid(rho)
    a = mpf(alpha)
    if abs(alpha - 1.0) < 1e-6:  # TRL: the alpha -> 1 limit, reverse_kl
        return rho
    t = (a - 1) * rho
    return mp.exp(min(t, mpf(ALPHA_CLAMP))) * (1 / (a - 1))


def score_slope(div, alpha, rho):
    """|dscore/drho|, only to size the differentiation step."""
    if div == "forward_kl":
        return mp.exp(-rho)
    if div == "alpha_divergence" and abs(alpha - 1.0) >= 1e-6:
        return mp.exp(min((mpf(alpha) - 1) * rho, mpf(ALPHA_CLAMP)))
    return mpf(1)


def pair_loss_of_scores(t, sw, sl, rw, rl, lw, Lw, Ll, p):
    """TRL's per_sequence_loss for loss_type t, given the scores, log-ratios and the chosen log-prob."""
    b = mpf(p["beta"])
    eps = mpf(p.get("labelSmoothing", DEFAULTS["labelSmoothing"].get(t, 0.0)))
    d = sw - sl
    if t == "sigmoid":
        return -log_sigmoid(b * d)
    if t == "cdpo":  # the pre-0.29 sigmoid with label_smoothing, on delta_score
        return -(1 - eps) * log_sigmoid(b * d) - eps * log_sigmoid(-b * d)
    if t == "robust":
        return (-(1 - eps) * log_sigmoid(b * d) + eps * log_sigmoid(-b * d)) / (1 - 2 * eps)
    if t == "ipo":
        if p.get("ipoNormalization", "token") == "token":
            delta = sw / Lw - sl / Ll
        else:
            delta = d
        return (delta - 1 / (2 * b)) ** 2
    if t == "hinge":
        return max(mpf(0), 1 - b * d)
    if t == "exo_pair":
        z = b * d
        return sigmoid(z) * (log_sigmoid(z) - mp.log1p(-eps)) + sigmoid(-z) * (log_sigmoid(-z) - mp.log(eps))
    if t == "nca_pair":
        return -log_sigmoid(b * sw) - log_sigmoid(-b * sw) / 2 - log_sigmoid(-b * sl) / 2
    if t == "bco_pair":
        return -log_sigmoid(b * sw) - log_sigmoid(-b * sl)
    if t == "sppo_hard":
        return (sw - mpf("0.5") / b) ** 2 + (sl + mpf("0.5") / b) ** 2
    if t == "apo_zero":  # log-ratios, never the scores
        return 1 - sigmoid(b * rw) + sigmoid(b * rl)
    if t == "apo_down":  # log-ratio in the first term, delta_score in the second
        return sigmoid(b * rw) + 1 - sigmoid(b * d)
    if t == "discopop":
        tau = mpf(p.get("discopopTau", DEFAULTS["discopopTau"]))
        z = b * d
        m = sigmoid(z / tau)
        return (1 - m) * (-log_sigmoid(z)) + m * mp.exp(-z)
    if t == "sigmoid_norm":
        return -log_sigmoid(b * (sw / Lw - sl / Ll))
    if t == "sft":  # cross-entropy over the chosen tokens
        return -lw / Lw
    raise ValueError(t)


def ratio(policy, ref):
    """The log-ratio as TRL forms it: a float64 subtraction."""
    return mpf(float(policy) - float(ref))


def pair_value(t, pc, pr, rc, rr, Lw, Ll, p):
    div = p.get("fDivergence", "reverse_kl")
    alpha = p.get("fAlphaDivergenceCoef", DEFAULTS["alpha"])
    rw = mpf(pc) - mpf(rc)
    rl = mpf(pr) - mpf(rr)
    return pair_loss_of_scores(t, score(div, alpha, rw), score(div, alpha, rl), rw, rl, mpf(pc), Lw, Ll, p)


def pair_case(t, inp, p):
    pc, pr, rc, rr = (inp[k] for k in ("policyChosen", "policyRejected", "refChosen", "refRejected"))
    Lw, Ll = inp.get("chosenLength", 1), inp.get("rejectedLength", 1)
    # The log-ratio is rounded to float64 as TRL's tensors do; differentiate through the policy log-prob
    # with the reference fixed at (policy - rho), which keeps rho = policy - ref exact in mpmath.
    rw0, rl0 = ratio(pc, rc), ratio(pr, rr)
    refw, refl = mpf(pc) - rw0, mpf(pr) - rl0

    def f(x, y):
        return pair_value(t, x, y, refw, refl, Lw, Ll, p)

    loss = f(mpf(pc), mpf(pr))
    # A step well inside the loss's smooth range: e^(-rho) scores make it steep by e^|rho|·β (mpmath's own
    # step would cross hinge's kink or the clamp there).
    div = p.get("fDivergence", "reverse_kl")
    alpha = p.get("fAlphaDivergenceCoef", DEFAULTS["alpha"])
    if t in ("sft", "apo_zero"):  # these read no score
        div = "reverse_kl"
    steep = mpf(1) + mpf(p["beta"]) * max(score_slope(div, alpha, rw0), score_slope(div, alpha, rl0)) * (
        1 + 1 / mpf(p.get("discopopTau", DEFAULTS["discopopTau"])))
    h = mpf(10) ** -40 / steep
    dw = mp.diff(lambda x: f(x, mpf(pr)), mpf(pc), h=h)
    dl = mp.diff(lambda y: f(mpf(pc), y), mpf(pr), h=h)
    b = mpf(p["beta"])
    expected = {
        "loss": loss,
        "dPolicyChosen": dw,
        "dPolicyRejected": dl,
        "rewardChosen": b * rw0,
        "rewardRejected": b * rl0,
    }
    if any(not mp.isfinite(v) or abs(v) > mpf("1.7e308") for v in expected.values()):
        return None  # past float64: the TypeScript tests check these give ±Infinity, never NaN
    tol = conditioning(t, inp, p, expected)
    case = {"lossType": t, "input": inp, "params": p, "expected": {k: float(v) for k, v in expected.items()}}
    if tol is not None:
        case["tolerance"] = tol
    return case


def conditioning(t, inp, p, expected):
    """A wider abs tolerance where one ulp of the float64 scores moves the outputs by more than 1e-12/64."""
    div = p.get("fDivergence", "reverse_kl")
    if div == "reverse_kl" or t in ("apo_zero", "sft"):
        return None
    Lw, Ll = inp.get("chosenLength", 1), inp.get("rejectedLength", 1)
    alpha = p.get("fAlphaDivergenceCoef", DEFAULTS["alpha"])
    rw = ratio(inp["policyChosen"], inp["refChosen"])
    rl = ratio(inp["policyRejected"], inp["refRejected"])
    sw, sl = score(div, alpha, rw), score(div, alpha, rl)
    ulp = mpf(2) ** -52
    worst = mpf(0)
    # Equal log-ratios give bit-equal scores (their difference is exactly 0 in float64 too): then only
    # a shift of both together is a rounding that can happen.
    shifts = ((1, 1), (-1, -1)) if rw == rl else ((1, 0), (0, 1), (1, -1), (1, 1))
    for ew, el in shifts:
        a = sw * (1 + ew * ulp)
        c = sl * (1 + el * ulp)
        moved = pair_loss_of_scores(t, a, c, rw, rl, mpf(inp["policyChosen"]), Lw, Ll, p)
        base = pair_loss_of_scores(t, sw, sl, rw, rl, mpf(inp["policyChosen"]), Lw, Ll, p)
        worst = max(worst, abs(moved - base))
    # The gradients scale like the loss over the score's scale; the same relative shift bounds them.
    bound = 64 * worst
    grads = max(abs(expected["dPolicyChosen"]), abs(expected["dPolicyRejected"]), mpf(1))
    rel_shift = bound / max(abs(expected["loss"]), mpf("1e-300"))
    abs_tol = max(bound, rel_shift * grads)
    if abs_tol <= mpf("1e-12"):
        return None
    return {"rel": 1e-10, "abs": float(abs_tol)}


def rnd_logp(rng, lo=-60.0):
    return round(rng.uniform(lo, -0.01), 6)


def pair_cases():
    rng = random.Random(12)
    cases = []
    betas = [0.01, 0.1, 0.5, 2.0]
    # Every loss x every divergence, random pairs and settings.
    for t in PAIR_TYPES:
        for div in DIVERGENCES:
            for j in range(3):
                inp = {
                    "policyChosen": rnd_logp(rng, -30),
                    "policyRejected": rnd_logp(rng, -30),
                    "refChosen": rnd_logp(rng, -30),
                    "refRejected": rnd_logp(rng, -30),
                    "chosenLength": rng.randint(1, 40),
                    "rejectedLength": rng.randint(1, 40),
                }
                # Keep forward_kl's and alpha's scores moderate here; extremes come below.
                if div in ("forward_kl", "alpha_divergence"):
                    for side in ("Chosen", "Rejected"):
                        inp["ref" + side] = round(inp["policy" + side] + rng.uniform(-6, 6), 6)
                        if inp["ref" + side] > 0:
                            inp["ref" + side] = round(-rng.uniform(0.01, 3), 6)
                p = {"beta": betas[(j + len(cases)) % len(betas)], "fDivergence": div}
                if div == "alpha_divergence":
                    p["fAlphaDivergenceCoef"] = [0.5, -0.75, 2.5][j]
                if t in ("cdpo", "robust"):
                    p["labelSmoothing"] = [0.0, 0.1, 0.3][j]
                if t == "exo_pair":
                    p["labelSmoothing"] = [1e-3, 0.05, 0.2][j]
                if t == "ipo" and j == 2:
                    p["ipoNormalization"] = "sum"
                if t == "discopop":
                    p["discopopTau"] = [0.05, 0.3, 1.0][j]
                if t == "hinge":
                    # Off the kink, where the derivative is one-sided.
                    pass
                cases.append(pair_case(t, inp, p))
    # The alpha coefficient near 1: TRL's reverse_kl fallback and just outside it; and the clamp at 80.
    base = {"policyChosen": -3.0, "policyRejected": -6.5, "refChosen": -4.0, "refRejected": -5.0}
    for t in ("sigmoid", "ipo", "nca_pair", "apo_down", "sigmoid_norm"):
        for a in (1 + 5e-7, 1 - 5e-7, 1 + 2e-6, 1 - 2e-6, 1.0):
            cases.append(pair_case(t, dict(base, chosenLength=3, rejectedLength=2),
                                   {"beta": 0.5, "fDivergence": "alpha_divergence", "fAlphaDivergenceCoef": a}))
    # Near and past the clamp: (alpha-1)*rho = 79.5 and 80.5 for alpha = 0.5 (rho = -159, -161), alpha = 3
    # (rho = 39.75, 40.25); one side clamped, the other not.
    for t in ("sigmoid", "bco_pair", "sppo_hard", "discopop", "ipo", "apo_down"):
        for a, rho_c, rho_r in ((0.5, -159.0, -161.0), (0.5, -161.0, -2.0), (3.0, 39.75, 40.25), (3.0, 40.25, -1.0)):
            inp = {"policyChosen": min(rho_c, 0.0), "refChosen": min(-rho_c, 0.0),
                   "policyRejected": min(rho_r, 0.0), "refRejected": min(-rho_r, 0.0)}
            cases.append(pair_case(t, inp, {"beta": 0.001 if t != "discopop" else 1e-3,
                                            "fDivergence": "alpha_divergence", "fAlphaDivergenceCoef": a}))
    # forward_kl and js at extreme log-ratios: large scores whose difference is small or large, beta extremes.
    extremes = [
        (-700.0, -700.5), (-705.0, -705.0), (-300.0, -299.0), (-40.0, -1e5), (-1e5, -1e5 + 0.5),
        (-1e-9, -2e-9), (-0.5, -1e5),
    ]
    for t in ("sigmoid", "cdpo", "robust", "ipo", "hinge", "exo_pair", "nca_pair", "bco_pair",
              "sppo_hard", "apo_down", "discopop", "sigmoid_norm"):
        for div in ("forward_kl", "js_divergence"):
            for (pc, pr) in extremes:
                if div == "forward_kl" and min(pc, pr) < -705:
                    continue  # e^(-rho) overflows: checked in the TypeScript tests (no NaN), not here
                for beta in (1e-3, 1e3):
                    p = {"beta": beta, "fDivergence": div}
                    if t in ("cdpo", "robust"):
                        p["labelSmoothing"] = 0.2
                    inp = {"policyChosen": pc, "policyRejected": pr, "refChosen": 0.0, "refRejected": 0.0,
                           "chosenLength": 7, "rejectedLength": 3}
                    if t == "hinge" and abs(1 - beta * float(score(div, 0.5, mpf(pc)) - score(div, 0.5, mpf(pr)))) < 1e-6:
                        continue
                    cases.append(pair_case(t, inp, p))
    # sft: the chosen log-prob per token, whatever the divergence.
    for div in DIVERGENCES:
        for pc, Lw in ((-1e5, 1), (-1e-9, 3), (-37.5, 250)):
            cases.append(pair_case("sft", {"policyChosen": pc, "policyRejected": -2.0, "refChosen": -50.0,
                                            "refRejected": -1.0, "chosenLength": Lw, "rejectedLength": 9},
                                   {"beta": 0.1, "fDivergence": div}))
    return cases


# ---------------------------------------------------------------------------------------------- batches

def aot_term(up, down, beta, eps):
    """TRL's aot formula on sorted lists; returns the mean loss and d/d(up_i), d/d(down_i) by permutation."""
    n = len(up)
    # Stable argsort: ties keep batch order.
    ou = sorted(range(n), key=lambda i: up[i])
    od = sorted(range(n), key=lambda i: down[i])
    b, e = mpf(beta), mpf(eps)
    total = mpf(0)
    gu = [mpf(0)] * n
    gd = [mpf(0)] * n
    for j in range(n):
        delta = up[ou[j]] - down[od[j]]
        total += -log_sigmoid(b * delta) * (1 - e) - log_sigmoid(-b * delta) * e
        slope = b * (-(1 - e) * sigmoid(-b * delta) + e * sigmoid(b * delta))
        gu[ou[j]] += slope / n
        gd[od[j]] -= slope / n
    return total / n, gu, gd


def aot_value(up, down, beta, eps):
    n = len(up)
    us, ds = sorted(up), sorted(down)
    b, e = mpf(beta), mpf(eps)
    return sum(-log_sigmoid(b * (us[j] - ds[j])) * (1 - e) - log_sigmoid(-b * (us[j] - ds[j])) * e
               for j in range(n)) / n


def batch_case(terms, pairs, p):
    n = len(pairs)
    pc = [mpf(x["policyChosen"]) for x in pairs]
    pr = [mpf(x["policyRejected"]) for x in pairs]
    Lw = [x.get("chosenLength", 1) for x in pairs]
    Ll = [x.get("rejectedLength", 1) for x in pairs]
    loss = mpf(0)
    gw = [mpf(0)] * n
    gl = [mpf(0)] * n
    eps = p.get("labelSmoothing", 0.0)
    for term in terms:
        t, w = term["type"], mpf(term.get("weight", 1.0))
        if w == 0:
            continue
        if t == "aot":
            up = [mpf(float(x["policyChosen"]) - float(x["policyRejected"])) for x in pairs]
            down = [mpf(float(x["refChosen"]) - float(x["refRejected"])) for x in pairs]
            v, gu, _ = aot_term(up, down, p["beta"], eps)
            if len(set(up)) == n:  # no tie: the permutation's gradient equals numerical differentiation
                for i in range(n):
                    num = mp.diff(lambda x: aot_value(up[:i] + [x] + up[i + 1:], down, p["beta"], eps), up[i])
                    assert abs(num - gu[i]) < mpf("1e-30") * (1 + abs(num)), (num, gu[i])
            loss += w * v
            for i in range(n):
                gw[i] += w * gu[i]
                gl[i] -= w * gu[i]
        elif t == "aot_unpaired":
            up = [ratio(x["policyChosen"], x["refChosen"]) for x in pairs]
            down = [ratio(x["policyRejected"], x["refRejected"]) for x in pairs]
            v, gu, gd = aot_term(up, down, p["beta"], eps)
            loss += w * v
            for i in range(n):
                gw[i] += w * gu[i]
                gl[i] += w * gd[i]
        elif t == "sft":
            tokens = sum(Lw)
            loss += w * (-sum(pc) / tokens)
            for i in range(n):
                gw[i] -= w / tokens
        else:
            total = mpf(0)
            for i, x in enumerate(pairs):
                c = pair_case(t, x, p)
                assert c is not None
                total += pair_value(t, pc[i], pr[i], pc[i] - ratio(x["policyChosen"], x["refChosen"]),
                                    pr[i] - ratio(x["policyRejected"], x["refRejected"]), Lw[i], Ll[i], p)
                gw[i] += w * mpf(c["expected"]["dPolicyChosen"]) / n
                gl[i] += w * mpf(c["expected"]["dPolicyRejected"]) / n
            loss += w * total / n
    return {
        "lossType": "+".join(f'{t["type"]}*{t.get("weight", 1.0)}' for t in terms),
        "terms": terms,
        "pairs": pairs,
        "params": p,
        "expected": {
            "loss": float(loss),
            "dPolicyChosen": [float(g) for g in gw],
            "dPolicyRejected": [float(g) for g in gl],
        },
    }


def batch_cases():
    rng = random.Random(1212)
    cases = []

    def batch(n, lo=-40.0, tie=False):
        pairs = []
        for _ in range(n):
            pairs.append({
                "policyChosen": rnd_logp(rng, lo), "policyRejected": rnd_logp(rng, lo),
                "refChosen": rnd_logp(rng, lo), "refRejected": rnd_logp(rng, lo),
                "chosenLength": rng.randint(1, 60), "rejectedLength": rng.randint(1, 60),
            })
        if tie and n >= 3:
            # Equal policy (chosen - rejected) and equal chosen log-ratios for pairs 0 and 2, different refs.
            pairs[2]["policyChosen"] = pairs[0]["policyChosen"]
            pairs[2]["policyRejected"] = pairs[0]["policyRejected"]
            pairs[2]["refChosen"] = pairs[0]["refChosen"]
        return pairs

    term_sets = [
        [{"type": "aot"}],
        [{"type": "aot_unpaired"}],
        [{"type": "sft"}],
        [{"type": "sigmoid"}],
        [{"type": "sigmoid", "weight": 1.0}, {"type": "sft", "weight": 0.5}],
        [{"type": "ipo", "weight": 2.0}, {"type": "aot", "weight": -0.5}, {"type": "sft", "weight": 0.0}],
        [{"type": "aot_unpaired", "weight": 0.3}, {"type": "nca_pair", "weight": 1.7}, {"type": "apo_zero"}],
        [{"type": "bco_pair"}, {"type": "sigmoid_norm", "weight": -1.0}, {"type": "apo_down", "weight": 0.25}],
        [{"type": "discopop", "weight": 0.5}, {"type": "hinge"}, {"type": "sppo_hard", "weight": 0.01}],
        [{"type": "robust"}, {"type": "aot"}, {"type": "aot_unpaired"}, {"type": "sft"}],
        [{"type": "exo_pair"}, {"type": "cdpo", "weight": 3.0}],
    ]
    for k, terms in enumerate(term_sets):
        for div in DIVERGENCES:
            for tie in (False, True):
                p = {"beta": [0.1, 0.5, 0.05][k % 3], "fDivergence": div}
                if div == "alpha_divergence":
                    p["fAlphaDivergenceCoef"] = 0.5 if tie else 1.5
                if any(t["type"] in ("robust", "cdpo", "aot", "aot_unpaired") for t in terms):
                    p["labelSmoothing"] = 0.1
                if any(t["type"] == "exo_pair" for t in terms):
                    p["labelSmoothing"] = 0.05
                lo = -40.0 if div in ("reverse_kl", "js_divergence") else -8.0
                pairs = batch(rng.choice([1, 4, 5, 7]) if not tie else 5, lo, tie)
                cases.append(batch_case(terms, pairs, p))
    return cases


def main():
    pc = [c for c in pair_cases() if c is not None]
    with open(os.path.join(OUT, "f_divergence.json"), "w") as fh:
        json.dump({
            "about": "pairLoss with TRL's f_divergence_type (reverse_kl, forward_kl, js_divergence, "
                     "alpha_divergence with f_alpha_divergence_coef) and the sft loss; mpmath at 420 digits "
                     "from TRL's _compute_loss formulas, log-ratios rounded to float64 first as TRL's tensors "
                     "do; cases whose float64 scores cancel carry a wider abs tolerance "
                     "(scripts/vectors/f_divergence_batch.py)",
            "defaultTolerance": {"rel": 1e-10, "abs": 1e-12},
            "cases": pc,
        }, fh, indent=1, allow_nan=False)
    bc = batch_cases()
    with open(os.path.join(OUT, "batch_loss.json"), "w") as fh:
        json.dump({
            "about": "batchLoss(terms, pairs, params): TRL's sum of loss_weights[i] * mean over the batch of "
                     "loss_type[i], including aot / aot_unpaired (sorted across the batch; ties keep batch "
                     "order) and sft (token-weighted cross-entropy), with the f-divergence; gradients with "
                     "respect to every pair's policy log-probs; mpmath at 420 digits "
                     "(scripts/vectors/f_divergence_batch.py)",
            "defaultTolerance": {"rel": 1e-10, "abs": 1e-12},
            "cases": bc,
        }, fh, indent=1, allow_nan=False)
    print(len(pc), "pair cases,", len(bc), "batch cases")


if __name__ == "__main__":
    main()
