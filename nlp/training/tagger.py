"""Train the joint character tagger (NER in BIOES over PER/ORG/LOC + words in BMES) with torch.

One encoder, two heads, each a linear-chain CRF. Input per character (``nlp.tagging.features``):
a trainable character vector (initialised from word2vec), a frozen bigram vector and the four
frozen SoftLexicon word-set vectors. Encoder: dropout, a one-layer BiLSTM over packed
sequences, dropout, one linear emission layer per head. Transition scores are learnt, with the
tag sequences BIOES / BMES forbid fixed at ``FORBIDDEN``.

Loss with partial labels: per head and sentence ``log Z - log Z_allowed``, where ``Z_allowed``
sums over the tag sequences that respect the allowed tags of each position (a sentence
without words has no word loss). Data: ``tagger_data``. Model selection: the mean of the NER F1
on the MSRA dev split and the word F1 on the People's Daily dev split, after each epoch.

    python -m nlp train ner                  # all of it; --resume continues a stopped run
    python -m nlp train ner --install        # then copies the export into models/tagger

torch is imported here only (the ``train`` extra); the exported model runs with
``nlp.tagging`` (numpy + onnxruntime).
"""
from __future__ import annotations

import json
import random
import shutil
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from ..tagging.features import Featurizer
from ..tagging.model import MODEL_FILE, TABLES_FILE
from ..tagging.tags import FORBIDDEN, NER_TAGS, SEG_TAGS, allowed_transitions, tags_to_spans
from ..tagging.viterbi import viterbi
from . import tagger_data, tagger_embeddings
from .splits import SHARED

DEFAULTS = {"hidden": 128, "dropout": 0.5, "lr": 2e-3, "final_lr": 2e-4, "epochs": 16,
            "batch_chars": 3000, "batch_sentences": 64, "seed": 0, "max_bigrams": 100_000,
            "min_word_matches": 2, "clip": 5.0}


class CRF(nn.Module):
    """Transition scores of one head, with the forbidden ones fixed."""

    def __init__(self, tags: tuple[str, ...]):
        super().__init__()
        k = len(tags)
        trans, start, end = allowed_transitions(tags)
        self.transitions = nn.Parameter(torch.zeros(k, k))
        self.start = nn.Parameter(torch.zeros(k))
        self.end = nn.Parameter(torch.zeros(k))
        for name, ok in (("trans_bias", trans), ("start_bias", start), ("end_bias", end)):
            self.register_buffer(name, torch.where(torch.from_numpy(ok), 0.0, FORBIDDEN))

    def scores(self) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        return (self.transitions + self.trans_bias, self.start + self.start_bias, self.end + self.end_bias)

    def log_partition(self, em: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        trans, start, end = self.scores()
        # log-sum-exp over the previous tag as a matrix product in shifted exp space
        exp_trans = torch.exp(trans - trans.max())
        alpha = start + em[:, 0]
        for t in range(1, em.shape[1]):
            top = alpha.max(dim=1, keepdim=True).values
            nxt = torch.log(torch.exp(alpha - top) @ exp_trans + 1e-30) + top + trans.max() + em[:, t]
            alpha = torch.where((t < lengths).unsqueeze(1), nxt, alpha)
        return torch.logsumexp(alpha + end, dim=1)

    def partial_nll(self, em: torch.Tensor, lengths: torch.Tensor, allowed: torch.Tensor) -> torch.Tensor:
        """``log Z - log Z_allowed`` per sentence (one forward pass over both)."""
        constrained = em.masked_fill(~allowed, FORBIDDEN)
        both = self.log_partition(torch.cat([em, constrained]), torch.cat([lengths, lengths]))
        n = em.shape[0]
        return both[:n] - both[n:]


class Encoder(nn.Module):
    """Dense per-char features -> emission scores of both heads (the exported graph).

    The BiLSTM reads packed sequences, so padding never reaches a real position and the
    exported ONNX LSTM gets the lengths (``sequence_lens``); a batch must be sorted by
    decreasing length."""

    def __init__(self, dim: int, hidden: int, dropout: float):
        super().__init__()
        self.lstm = nn.LSTM(dim, hidden, batch_first=True, bidirectional=True)
        self.dropout = nn.Dropout(dropout)
        self.ner = nn.Linear(2 * hidden, len(NER_TAGS))
        self.seg = nn.Linear(2 * hidden, len(SEG_TAGS))

    def forward(self, x: torch.Tensor, lengths: torch.Tensor):
        packed = pack_padded_sequence(self.dropout(x), lengths, batch_first=True, enforce_sorted=True)
        h, _ = self.lstm(packed)
        h, _ = pad_packed_sequence(h, batch_first=True, total_length=x.shape[1])
        h = self.dropout(h)
        return self.ner(h), self.seg(h)


class JointTaggerNet(nn.Module):
    def __init__(self, char_vectors: np.ndarray, dense_dim: int, hidden: int, dropout: float):
        super().__init__()
        self.chars = nn.Embedding.from_pretrained(torch.from_numpy(char_vectors.copy()), freeze=False)
        self.encoder = Encoder(char_vectors.shape[1] + dense_dim, hidden, dropout)
        self.ner_crf = CRF(NER_TAGS)
        self.seg_crf = CRF(SEG_TAGS)

    def emissions(self, char_ids, dense, lengths):
        return self.encoder(torch.cat([self.chars(char_ids), dense], dim=2), lengths)


def batches(examples, batch_chars: int, batch_sentences: int) -> list[list[int]]:
    """Index lists of examples sorted by decreasing length, each batch within the char budget
    (the first sentence of a batch is its longest)."""
    order = sorted(range(len(examples)), key=lambda i: (-len(examples[i].text), i))
    out, cur = [], []
    for i in order:
        n = len(examples[i].text)
        if cur and ((len(cur) + 1) * len(examples[cur[0]].text) > batch_chars or len(cur) >= batch_sentences):
            out.append(cur)
            cur = []
        cur.append(i)
    if cur:
        out.append(cur)
    return out


def tensorize(featurizer: Featurizer, examples) -> dict:
    n, t_max = len(examples), max(len(x.text) for x in examples)
    char_ids = np.zeros((n, t_max), dtype=np.int64)
    dense = np.zeros((n, t_max, featurizer.dense_dim), dtype=np.float32)
    allowed = np.ones((n, t_max, len(NER_TAGS)), dtype=bool)
    seg = np.ones((n, t_max, len(SEG_TAGS)), dtype=bool)
    has_seg = np.zeros(n, dtype=bool)
    for b, x in enumerate(examples):
        m = len(x.text)
        char_ids[b, :m] = featurizer.char_ids(x.text)
        dense[b, :m] = featurizer.dense_features(x.text)
        allowed[b, :m] = x.ner_allowed
        if x.seg_tags is not None:
            has_seg[b] = True
            seg[b, :m] = False
            seg[b, np.arange(m), x.seg_tags] = True
    return {"char_ids": torch.from_numpy(char_ids), "dense": torch.from_numpy(dense),
            "lengths": torch.tensor([len(x.text) for x in examples], dtype=torch.int64),
            "allowed": torch.from_numpy(allowed), "seg": torch.from_numpy(seg),
            "has_seg": torch.from_numpy(has_seg)}


def loss(net: JointTaggerNet, batch: dict) -> torch.Tensor:
    ner_em, seg_em = net.emissions(batch["char_ids"], batch["dense"], batch["lengths"])
    total = net.ner_crf.partial_nll(ner_em, batch["lengths"], batch["allowed"]).sum()
    rows = batch["has_seg"].nonzero().squeeze(1)
    if len(rows):
        total = total + net.seg_crf.partial_nll(seg_em[rows], batch["lengths"][rows], batch["seg"][rows]).sum()
    return total / len(batch["lengths"])


def _crf_arrays(crf: CRF) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return tuple(x.detach().numpy().astype(np.float32) for x in crf.scores())


@torch.no_grad()
def predict(net: JointTaggerNet, featurizer: Featurizer, examples, batch_chars: int = 4000):
    """RETURNS ``[(ner_tag_ids, seg_tag_ids)]`` per example (torch emissions, numpy Viterbi)."""
    net.eval()
    ner_crf, seg_crf = _crf_arrays(net.ner_crf), _crf_arrays(net.seg_crf)
    out = [None] * len(examples)
    for idx in batches(examples, batch_chars, 128):
        batch = tensorize(featurizer, [examples[i] for i in idx])
        ner_em, seg_em = net.emissions(batch["char_ids"], batch["dense"], batch["lengths"])
        lengths = batch["lengths"].numpy()
        ner = viterbi(ner_em.numpy(), lengths, *ner_crf)
        seg = viterbi(seg_em.numpy(), lengths, *seg_crf)
        for j, i in enumerate(idx):
            out[i] = (ner[j], seg[j])
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> float:
    return 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0


def evaluate(net, featurizer, examples) -> dict:
    """NER F1 (exact typed spans; a char whose tag is unknown counts as O) and, on examples
    with words, word F1."""
    preds = predict(net, featurizer, examples)
    tp = n_pred = n_gold = 0
    wtp = wpred = wgold = 0
    for x, (ner, seg) in zip(examples, preds):
        gold_tags = np.where(x.ner_allowed.sum(1) == 1, x.ner_allowed.argmax(1), 0)
        g, p = set(tags_to_spans(gold_tags)), set(tags_to_spans(ner))
        tp, n_pred, n_gold = tp + len(g & p), n_pred + len(p), n_gold + len(g)
        if x.seg_tags is not None:
            gw, pw = set(tags_to_spans(x.seg_tags, SEG_TAGS)), set(tags_to_spans(seg, SEG_TAGS))
            wtp, wpred, wgold = wtp + len(gw & pw), wpred + len(pw), wgold + len(gw)
    return {"ner_f1": _prf(tp, n_pred, n_gold), "word_f1": _prf(wtp, wpred, wgold) if wgold else None}


def load_featurizer(tables: dict) -> Featurizer:
    return Featurizer(tables["chars"], tables["char_vectors"], tables["bigrams"], tables["bigram_vectors"],
                      tables["words"], tables["word_weights"], tables["word_vectors"], tables["max_word_len"])


def train(output: str | Path = "build/tagger", *, shared: str | Path = SHARED, limit: int = 0,
          resume: bool = False, stop_after: int | None = None, log=sys.stderr, **settings) -> Path:
    """Train; write ``output/checkpoints/epoch_N.pt`` each epoch and ``output/best.pt``.

    stop_after: end after this epoch, the learning rate still on the schedule of all the
        epochs (a time-boxed run; ``resume`` can take it further).
    RETURNS the path of the best checkpoint."""
    cfg = {**DEFAULTS, **{k: v for k, v in settings.items() if v is not None}}
    torch.set_num_threads(1)
    output = Path(output)
    ckpt_dir = output / "checkpoints"
    ckpt_dir.mkdir(parents=True, exist_ok=True)
    start_time = time.time()

    def say(msg: str) -> None:
        print(f"[{time.time() - start_time:7.0f} s] {msg}", file=log, flush=True)

    emb_dir = output / "embeddings"
    if not (emb_dir / "words.kv").exists():
        tagger_embeddings.train(emb_dir, shared=shared, limit=limit * 5, epochs=1 if limit else 5)
    tables = tagger_embeddings.tables(emb_dir, max_bigrams=cfg["max_bigrams"],
                                      min_word_matches=cfg["min_word_matches"])
    featurizer = load_featurizer(tables)
    say(f"tables: {len(tables['chars'])} chars, {len(tables['bigrams'])} bigrams, "
        f"{len(tables['words'])} words; input dim {featurizer.dim}")
    data = tagger_data.build(Path(shared), limit=limit)
    train_set = data["train"]
    say(f"data: {len(train_set)} train sentences ({sum(len(x.text) for x in train_set)} chars), "
        f"{len(data['msra_dev'])} MSRA dev, {len(data['pd_dev'])} PD dev; settings {json.dumps(cfg)}")

    torch.manual_seed(cfg["seed"])
    net = JointTaggerNet(tables["char_vectors"], featurizer.dense_dim, cfg["hidden"], cfg["dropout"])
    optim = torch.optim.Adam(net.parameters(), lr=cfg["lr"])
    plan = batches(train_set, cfg["batch_chars"], cfg["batch_sentences"])
    steps_total = cfg["epochs"] * len(plan)
    first_epoch, best = 1, {"score": -1.0, "epoch": 0}
    last = ckpt_dir / "last.pt"
    if resume and last.exists():
        state = torch.load(last, weights_only=False)
        net.load_state_dict(state["model"])
        optim.load_state_dict(state["optim"])
        torch.set_rng_state(state["rng"])
        first_epoch, best = state["epoch"] + 1, state["best"]
        say(f"resumed after epoch {state['epoch']} (best so far: epoch {best['epoch']})")
    for epoch in range(first_epoch, min(cfg["epochs"], stop_after or cfg["epochs"]) + 1):
        net.train()
        order = list(range(len(plan)))
        random.Random(cfg["seed"] * 1000 + epoch).shuffle(order)
        t0, chars, total = time.time(), 0, 0.0
        for n, bi in enumerate(order, 1):
            step = (epoch - 1) * len(plan) + n
            for g in optim.param_groups:
                g["lr"] = cfg["lr"] + (cfg["final_lr"] - cfg["lr"]) * step / steps_total
            batch = tensorize(featurizer, [train_set[i] for i in plan[bi]])
            value = loss(net, batch)
            optim.zero_grad()
            value.backward()
            nn.utils.clip_grad_norm_(net.parameters(), cfg["clip"])
            optim.step()
            chars += int(batch["lengths"].sum())
            total += float(value.detach())
            if n % 200 == 0:
                say(f"epoch {epoch} batch {n}/{len(plan)} loss {total / n:.3f} "
                    f"{chars / (time.time() - t0):,.0f} chars/s")
        msra = evaluate(net, featurizer, data["msra_dev"])
        pd = evaluate(net, featurizer, data["pd_dev"])
        score = (msra["ner_f1"] + pd["word_f1"]) / 2
        dev = {"msra_dev_ner_f1": msra["ner_f1"], "pd_dev_ner_f1": pd["ner_f1"],
               "pd_dev_word_f1": pd["word_f1"], "score": score}
        say(f"epoch {epoch} done in {time.time() - t0:.0f} s, loss {total / len(plan):.3f}; dev "
            + ", ".join(f"{k} {100 * v:.2f}" for k, v in dev.items()))
        if score > best["score"]:
            best = {"score": score, "epoch": epoch, **dev}
        state = {"model": net.state_dict(), "optim": optim.state_dict(), "rng": torch.get_rng_state(),
                 "epoch": epoch, "best": best, "dev": dev, "settings": cfg}
        torch.save(state, ckpt_dir / f"epoch_{epoch}.pt")
        shutil.copyfile(ckpt_dir / f"epoch_{epoch}.pt", last)
        if best["epoch"] == epoch:
            shutil.copyfile(ckpt_dir / f"epoch_{epoch}.pt", output / "best.pt")
            say(f"epoch {epoch} is the best so far")
    say(f"training done; best epoch {best['epoch']}: " + json.dumps(best))
    return output / "best.pt"


def export(checkpoint: str | Path, target: str | Path, *, embeddings: str | Path | None = None) -> Path:
    """Write ``target/tagger.onnx`` (the encoder) and ``target/tagger.npz`` (tables, CRFs,
    settings) from a checkpoint. RETURNS ``target``."""
    checkpoint = Path(checkpoint)
    state = torch.load(checkpoint, weights_only=False)
    cfg = state["settings"]
    emb_dir = Path(embeddings) if embeddings else checkpoint.parent / "embeddings"
    if not emb_dir.exists():
        emb_dir = checkpoint.parent.parent / "embeddings"
    tables = tagger_embeddings.tables(emb_dir, max_bigrams=cfg["max_bigrams"],
                                      min_word_matches=cfg["min_word_matches"])
    featurizer = load_featurizer(tables)
    net = JointTaggerNet(tables["char_vectors"], featurizer.dense_dim, cfg["hidden"], cfg["dropout"])
    net.load_state_dict(state["model"])
    net.eval()
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    x = torch.zeros(3, 7, featurizer.dim)
    lengths = torch.tensor([7, 4, 2], dtype=torch.int64)
    torch.onnx.export(net.encoder, (x, lengths), str(target / MODEL_FILE), dynamo=False, opset_version=17,
                      input_names=["features", "lengths"], output_names=["ner", "seg"],
                      dynamic_axes={"features": {0: "batch", 1: "length"}, "lengths": {0: "batch"},
                                    "ner": {0: "batch", 1: "length"}, "seg": {0: "batch", 1: "length"}})
    ner, seg = _crf_arrays(net.ner_crf), _crf_arrays(net.seg_crf)
    info = {"ner_tags": NER_TAGS, "seg_tags": SEG_TAGS, "max_word_len": tables["max_word_len"],
            "epoch": state["epoch"], "dev": state["dev"], "settings": cfg}
    np.savez_compressed(
        target / TABLES_FILE,
        chars=np.array(tables["chars"]), char_vectors=net.chars.weight.detach().numpy().astype(np.float16),
        bigrams=np.array(tables["bigrams"]), bigram_vectors=tables["bigram_vectors"].astype(np.float16),
        words=np.array(tables["words"]), word_vectors=tables["word_vectors"].astype(np.float16),
        word_weights=tables["word_weights"],
        ner_transitions=ner[0], ner_start=ner[1], ner_end=ner[2],
        seg_transitions=seg[0], seg_start=seg[1], seg_end=seg[2],
        info=np.array(json.dumps(info, ensure_ascii=False)))
    return target


def main(argv=None) -> None:
    import argparse

    ap = argparse.ArgumentParser(description="Train the joint tagger (same as `python -m nlp train ner`).")
    ap.add_argument("--output", default="build/tagger")
    ap.add_argument("--shared", default=str(SHARED))
    ap.add_argument("--epochs", type=int)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--stop-after", type=int, help="end after this epoch (the schedule stays that of --epochs)")
    ap.add_argument("--install", help="export the best checkpoint into this directory")
    args = ap.parse_args(argv)
    best = train(args.output, shared=args.shared, limit=args.limit, resume=args.resume, epochs=args.epochs,
                 stop_after=args.stop_after)
    if args.install:
        export(best, args.install)


if __name__ == "__main__":
    main()
