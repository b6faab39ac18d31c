"""A torch multilayer perceptron with the scikit-learn estimator API.

Training uses torch; the fitted weights are kept as numpy arrays and prediction is a numpy forward pass,
so a saved model holds only arrays (safe to serialise with skops) and needs no torch to predict.
"""

from __future__ import annotations

import time

import numpy as np
from sklearn.base import BaseEstimator
from sklearn.utils.metaestimators import available_if
from sklearn.utils.validation import check_is_fitted

from mlpilot.tools.model import classifies, task_tags


class TorchMLP(BaseEstimator):
    """A classifier for binary and multiclass ``task``, a regressor (no ``predict_proba``) for regression."""

    def __init__(self, task: str = "binary", hidden: int = 256, layers: int = 2, dropout: float = 0.1,
                 lr: float = 1e-3, weight_decay: float = 1e-5, batch_size: int = 256, max_epochs: int = 200,
                 patience: int = 10, time_limit: float = 120.0, random_state: int = 0, threads: int = 1):
        self.task = task
        self.hidden = hidden
        self.layers = layers
        self.dropout = dropout
        self.lr = lr
        self.weight_decay = weight_decay
        self.batch_size = batch_size
        self.max_epochs = max_epochs
        self.patience = patience
        self.time_limit = time_limit
        self.random_state = random_state
        self.threads = threads

    def fit(self, X, y):
        import torch
        from torch import nn

        torch.manual_seed(self.random_state)
        torch.set_num_threads(max(1, self.threads))
        X = np.asarray(X, dtype=np.float32)
        regression = self.task == "regression"
        if regression:
            y = np.asarray(y, dtype=np.float32)
            self.y_mean_, self.y_std_ = float(y.mean()), float(y.std() or 1.0)
            target = torch.tensor((y - self.y_mean_) / self.y_std_).unsqueeze(1)
            n_out, loss_fn = 1, nn.MSELoss()
        else:
            self.classes_, codes = np.unique(y, return_inverse=True)
            target = torch.tensor(codes, dtype=torch.long)
            n_out, loss_fn = len(self.classes_), nn.CrossEntropyLoss()
        blocks, width = [], X.shape[1]
        for _ in range(self.layers):
            blocks += [nn.Linear(width, self.hidden), nn.ReLU(), nn.Dropout(self.dropout)]
            width = self.hidden
        net = nn.Sequential(*blocks, nn.Linear(width, n_out))
        data = torch.tensor(X)
        rng = np.random.default_rng(self.random_state)
        order = rng.permutation(len(X))
        n_val = max(1, len(X) // 10)
        val, train = order[:n_val], order[n_val:]
        opt = torch.optim.AdamW(net.parameters(), lr=self.lr, weight_decay=self.weight_decay)
        best, best_state, waited, start = np.inf, None, 0, time.monotonic()
        for _ in range(self.max_epochs):
            net.train()
            for batch in np.array_split(rng.permutation(train), max(1, len(train) // self.batch_size)):
                opt.zero_grad()
                loss_fn(net(data[batch]), target[batch]).backward()
                opt.step()
            net.eval()
            with torch.no_grad():
                val_loss = float(loss_fn(net(data[val]), target[val]))
            if val_loss < best - 1e-4:
                best, waited = val_loss, 0
                best_state = [p.detach().numpy().copy() for p in net.parameters()]
            else:
                waited += 1
            if waited >= self.patience or time.monotonic() - start > self.time_limit:
                break
        params = best_state or [p.detach().numpy().copy() for p in net.parameters()]
        self.weights_ = [(params[i].T.copy(), params[i + 1].copy()) for i in range(0, len(params), 2)]
        return self

    def _forward(self, X) -> np.ndarray:
        check_is_fitted(self)
        h = np.asarray(X, dtype=np.float32)
        for i, (w, b) in enumerate(self.weights_):
            h = h @ w + b
            if i < len(self.weights_) - 1:
                h = np.maximum(h, 0)
        return h

    def __sklearn_tags__(self):
        return task_tags(super().__sklearn_tags__(), self.task)

    @available_if(classifies)
    def predict_proba(self, X) -> np.ndarray:
        z = self._forward(X)
        z = np.exp(z - z.max(axis=1, keepdims=True))
        return z / z.sum(axis=1, keepdims=True)

    def predict(self, X) -> np.ndarray:
        if self.task == "regression":
            return self._forward(X)[:, 0] * self.y_std_ + self.y_mean_
        return self.classes_[self.predict_proba(X).argmax(axis=1)]
